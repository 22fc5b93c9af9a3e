using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Grading;

public sealed class IndicatorLibraryConfiguration : IEntityTypeConfiguration<IndicatorLibrary>
{
    public void Configure(EntityTypeBuilder<IndicatorLibrary> b)
    {
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.CreatedBy).HasMaxLength(256);
        b.Property(l => l.AdoptedBy).HasMaxLength(256);
        b.Ignore(l => l.BasicSum);
        b.HasIndex(l => new { l.StreetId, l.Year, l.Version }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(l => l.StreetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Indicators).WithOne().HasForeignKey(i => i.LibraryId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Property(i => i.Category).HasMaxLength(Indicator.MaxCategory);
        b.Property(i => i.Item).HasMaxLength(Indicator.MaxItem);
        b.Property(i => i.Content).HasMaxLength(Indicator.MaxText);
        b.Property(i => i.Criteria).HasMaxLength(Indicator.MaxText);
        b.Property(i => i.AutoSource).HasMaxLength(Indicator.MaxSource);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.FullScore).AsHundredths();
    }
}

public sealed class GradingRoundConfiguration : IEntityTypeConfiguration<GradingRound>
{
    public void Configure(EntityTypeBuilder<GradingRound> b)
    {
        // The status is a concurrency token: of two transitions that read the same status, only the first writes.
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.BasicWeight).AsHundredths();
        b.Property(r => r.EvaluationWeight).AsHundredths();
        b.Property(r => r.FiveStarShare).AsHundredths();
        b.Property(r => r.BottomShare).AsHundredths();
        b.Ignore(r => r.Settings);
        b.Ignore(r => r.IsPublished);
        b.Ignore(r => r.TakesCommunityReview);
        b.HasIndex(r => new { r.StreetId, r.Year });
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.StreetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<IndicatorLibrary>().WithMany().HasForeignKey(r => r.LibraryId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BranchGradingConfiguration : IEntityTypeConfiguration<BranchGrading>
{
    public void Configure(EntityTypeBuilder<BranchGrading> b)
    {
        b.Property(g => g.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(g => g.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(g => g.SubmittedBy).HasMaxLength(256);
        b.Property(g => g.ReviewedBy).HasMaxLength(256);
        b.Property(g => g.DecidedBy).HasMaxLength(256);
        b.Property(g => g.ReviewNote).HasMaxLength(BranchGrading.MaxNote);
        b.Property(g => g.EvaluationScore).AsHundredths();
        b.Property(g => g.Basic).AsHundredths();
        b.Property(g => g.Deductions).AsHundredths();
        b.Property(g => g.Total).AsHundredths();
        b.HasIndex(g => new { g.RoundId, g.UnitId }).IsUnique();
        b.HasIndex(g => g.UnitId);
        b.HasOne<GradingRound>().WithMany().HasForeignKey(g => g.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Unit>().WithMany().HasForeignKey(g => g.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(g => g.Scores).WithOne().HasForeignKey(s => s.BranchGradingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorScoreConfiguration : IEntityTypeConfiguration<IndicatorScore>
{
    public void Configure(EntityTypeBuilder<IndicatorScore> b)
    {
        b.Property(s => s.Stage).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Score).AsHundredths();
        b.Property(s => s.Note).HasMaxLength(BranchGrading.MaxNote);
        b.Property(s => s.By).HasMaxLength(256);
        b.HasIndex(s => new { s.BranchGradingId, s.IndicatorId, s.Stage }).IsUnique();
        b.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GradingEvidenceConfiguration : IEntityTypeConfiguration<GradingEvidence>
{
    public void Configure(EntityTypeBuilder<GradingEvidence> b)
    {
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasIndex(f => new { f.BranchGradingId, f.IndicatorId });
        b.HasOne<BranchGrading>().WithMany().HasForeignKey(f => f.BranchGradingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Indicator>().WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GradingObjectionConfiguration : IEntityTypeConfiguration<GradingObjection>
{
    public void Configure(EntityTypeBuilder<GradingObjection> b)
    {
        b.Property(o => o.Name).HasMaxLength(GradingObjection.MaxName);
        b.Property(o => o.Phone).HasMaxLength(GradingObjection.MaxPhone);
        b.Property(o => o.Text).HasMaxLength(GradingObjection.MaxText);
        b.Property(o => o.Answer).HasMaxLength(GradingObjection.MaxText);
        b.Property(o => o.UserName).HasMaxLength(256);
        b.Property(o => o.AnsweredBy).HasMaxLength(256);
        b.HasIndex(o => o.BranchGradingId);
        b.Property(o => o.SubmissionToken).HasMaxLength(FormOnce.Length);
        b.HasIndex(o => o.SubmissionToken).IsUnique();
        b.HasOne<BranchGrading>().WithMany().HasForeignKey(o => o.BranchGradingId).OnDelete(DeleteBehavior.Cascade);
    }
}
