using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Points.Postings;

public sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> b)
    {
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.UnitId, p.Year, p.Quarter });
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.Property(o => o.Reason).HasMaxLength(Objection.MaxText);
        b.Property(o => o.Resolution).HasMaxLength(Objection.MaxText);
        b.Property(o => o.RecordedBy).HasMaxLength(256);
        b.Property(o => o.ResolvedBy).HasMaxLength(256);
        // A concurrency token: two resolutions of one objection cannot both be saved.
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.HasIndex(o => o.PostingId);
        b.HasOne<Posting>().WithMany().HasForeignKey(o => o.PostingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<LedgerEntry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LedgerEntry>().WithMany().HasForeignKey(o => o.ReversalEntryId).OnDelete(DeleteBehavior.Restrict);
    }
}
