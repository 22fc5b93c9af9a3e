using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Members;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(m => m.Name).HasMaxLength(50);
        b.Property(m => m.Gender).HasMaxLength(4);
        b.Property(m => m.Ethnicity).HasMaxLength(20);
        b.Property(m => m.IdNumber).HasMaxLength(18);
        b.Property(m => m.Education).HasMaxLength(20);
        b.Property(m => m.Post).HasMaxLength(50);
        b.Property(m => m.Phone).HasMaxLength(30);
        b.Property(m => m.Landline).HasMaxLength(30);
        b.Property(m => m.ExtraFields).HasConversion(ExtraFieldsJson.Converter, ExtraFieldsJson.Comparer);
        b.Property(m => m.Address).HasMaxLength(200);
        b.Property(m => m.LostSince).HasMaxLength(7);
        b.Property(m => m.FloatingTo).HasMaxLength(100);
        b.Property(m => m.Tier).HasMaxLength(20);
        b.Property(m => m.Position).HasMaxLength(50);
        b.Property(m => m.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        // One person, one roster row: the ID number is unique where it is known.
        b.HasIndex(m => m.IdNumber).IsUnique();
        b.HasIndex(m => new { m.UnitId, m.Name });
        b.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Transfers).WithOne(t => t.Member).HasForeignKey(t => t.MemberId);
        b.Navigation(m => m.Transfers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class MemberTransferConfiguration : IEntityTypeConfiguration<MemberTransfer>
{
    public void Configure(EntityTypeBuilder<MemberTransfer> b)
    {
        b.Property(t => t.Note).HasMaxLength(200);
        b.HasIndex(t => t.MemberId);
    }
}

public sealed class MemberTierConfiguration : IEntityTypeConfiguration<MemberTier>
{
    public void Configure(EntityTypeBuilder<MemberTier> b)
    {
        b.Property(t => t.Name).HasMaxLength(20);
        b.HasIndex(t => t.Name).IsUnique();
    }
}

/// <summary>A member's extra fields as one JSON object (header → value), so any provider stores them in one column;
/// rows from before the column hold an empty text.</summary>
public static class ExtraFieldsJson
{
    // Chinese headers stay readable in the database.
    private static readonly JsonSerializerOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly ValueConverter<Dictionary<string, string>, string> Converter = new(
        v => JsonSerializer.Serialize(v, Options),
        v => v.Length == 0 ? new Dictionary<string, string>() : JsonSerializer.Deserialize<Dictionary<string, string>>(v, Options) ?? new Dictionary<string, string>());

    public static readonly ValueComparer<Dictionary<string, string>> Comparer = new(
        (a, b) => a!.Count == b!.Count && a.All(p => b.ContainsKey(p.Key) && b[p.Key] == p.Value),
        v => v.Aggregate(0, (hash, p) => HashCode.Combine(hash, p.Key, p.Value)),
        v => new Dictionary<string, string>(v));
}
