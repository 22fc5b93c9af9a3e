using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jishi.Web.Features.Points;

/// <summary>Points are stored as whole hundredths (integers): exact sums on both databases, and SQLite, which has no
/// decimal type, compares and sorts them in SQL.</summary>
internal static class Hundredths
{
    public static readonly ValueConverter<decimal, long> Converter = new(v => (long)Math.Round(v * 100, MidpointRounding.AwayFromZero), v => v / 100m);
    public static readonly ValueConverter<decimal?, long?> Nullable = new(
        v => v.HasValue ? (long)Math.Round(v.Value * 100, MidpointRounding.AwayFromZero) : null, v => v.HasValue ? v.Value / 100m : null);

    public static PropertyBuilder<decimal> AsHundredths(this PropertyBuilder<decimal> p) => p.HasConversion(Converter);
    public static PropertyBuilder<decimal?> AsHundredths(this PropertyBuilder<decimal?> p) => p.HasConversion(Nullable);
}

public sealed class RuleSetConfiguration : IEntityTypeConfiguration<RuleSet>
{
    public void Configure(EntityTypeBuilder<RuleSet> b)
    {
        b.Property(s => s.Tier).HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.BaseScore).AsHundredths();
        b.Property(s => s.StarThresholds).HasMaxLength(60);
        b.Ignore(s => s.Stars);
        b.HasIndex(s => new { s.StreetId, s.Tier, s.Year, s.Version }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.StreetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Rules).WithOne().HasForeignKey(r => r.RuleSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PointRuleConfiguration : IEntityTypeConfiguration<PointRule>
{
    public void Configure(EntityTypeBuilder<PointRule> b)
    {
        b.Property(r => r.Code).HasMaxLength(40);
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Unit).HasMaxLength(10);
        b.Property(r => r.Points).AsHundredths();
        b.Property(r => r.CapPerMonth).AsHundredths();
        b.Property(r => r.CapPerYear).AsHundredths();
        b.HasIndex(r => new { r.RuleSetId, r.Code }).IsUnique();
    }
}

public sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.Property(e => e.RuleCode).HasMaxLength(40);
        b.Property(e => e.Quantity).AsHundredths();
        b.Property(e => e.Requested).AsHundredths();
        b.Property(e => e.Granted).AsHundredths();
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.Property(e => e.DecidedBy).HasMaxLength(256);
        b.Property(e => e.Note).HasMaxLength(500);
        b.Property(e => e.Evidence).HasMaxLength(1000);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.SourceKey).HasMaxLength(200);
        b.Ignore(e => e.ApprovedBy);
        b.Ignore(e => e.Counted);
        b.Ignore(e => e.VetoWeight);
        // The database, not the code, guarantees that a source posts once and an entry is reversed once.
        b.HasIndex(e => e.SourceKey).IsUnique();
        b.HasIndex(e => e.ReversalOf).IsUnique();
        b.HasIndex(e => new { e.MemberId, e.Year, e.RuleCode });
        b.HasIndex(e => new { e.Status, e.MemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(e => e.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RuleSet>().WithMany().HasForeignKey(e => e.RuleSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LedgerEntry>().WithOne().HasForeignKey<LedgerEntry>(e => e.ReversalOf).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MemberPointsConfiguration : IEntityTypeConfiguration<MemberPoints>
{
    public void Configure(EntityTypeBuilder<MemberPoints> b)
    {
        b.Property(p => p.BaseScore).AsHundredths();
        b.Property(p => p.Earned).AsHundredths();
        b.Property(p => p.Redeemed).AsHundredths();
        b.Property(p => p.AssessmentScore).AsHundredths();
        b.Ignore(p => p.Spendable);
        b.HasIndex(p => new { p.MemberId, p.Year }).IsUnique();
        b.HasIndex(p => new { p.Year, p.AssessmentScore });
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
