using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Wishes;

public sealed class WishConfiguration : IEntityTypeConfiguration<Wish>
{
    public void Configure(EntityTypeBuilder<Wish> b)
    {
        // The status is a concurrency token: of two transitions that read the same status, only the first writes.
        b.Property(w => w.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(w => w.ResidentName).HasMaxLength(Wish.MaxName);
        b.Property(w => w.ResidentPhone).HasMaxLength(Wish.MaxPhone);
        b.Property(w => w.Text).HasMaxLength(Wish.MaxText);
        b.Property(w => w.TrackingCode).HasMaxLength(Wish.CodeLength);
        b.Property(w => w.EnteredBy).HasMaxLength(256);
        b.Property(w => w.ReviewedBy).HasMaxLength(256);
        b.Property(w => w.ConfirmedBy).HasMaxLength(256);
        b.Property(w => w.DeclineReason).HasMaxLength(Wish.MaxText);
        b.Property(w => w.FulfilmentNote).HasMaxLength(Wish.MaxText);
        b.Property(w => w.RatingComment).HasMaxLength(Wish.MaxText);
        b.HasIndex(w => w.TrackingCode).IsUnique();
        b.Property(w => w.SubmissionToken).HasMaxLength(FormOnce.Length);
        b.HasIndex(w => w.SubmissionToken).IsUnique();
        b.HasIndex(w => new { w.UnitId, w.Status });
        b.HasOne<Unit>().WithMany().HasForeignKey(w => w.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class WishClaimConfiguration : IEntityTypeConfiguration<WishClaim>
{
    public void Configure(EntityTypeBuilder<WishClaim> b)
    {
        b.Property(c => c.ClaimedBy).HasMaxLength(256);
        b.Property(c => c.WithdrawnBy).HasMaxLength(256);
        b.Ignore(c => c.IsActive);
        // One active claim per wish, whoever else inserts at the same moment; the filter reads the same in SQLite and PostgreSQL.
        b.HasIndex(c => c.WishId).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
        b.HasIndex(c => c.MemberId);
        b.HasOne<Wish>().WithMany().HasForeignKey(c => c.WishId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class WishFileConfiguration : IEntityTypeConfiguration<WishFile>
{
    public void Configure(EntityTypeBuilder<WishFile> b)
    {
        b.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasIndex(f => f.WishId);
        b.HasOne<Wish>().WithMany().HasForeignKey(f => f.WishId).OnDelete(DeleteBehavior.Cascade);
    }
}
