using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Pledges;

public sealed class PledgeConfiguration : IEntityTypeConfiguration<Pledge>
{
    public void Configure(EntityTypeBuilder<Pledge> b)
    {
        // The status is a concurrency token: of two transitions that read the same status, only the first writes.
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.ClosedBy).HasMaxLength(256);
        b.Property(p => p.RatedBy).HasMaxLength(256);
        b.Property(p => p.Outcome).HasMaxLength(Pledge.MaxText);
        b.Property(p => p.Grade).HasMaxLength(10);
        b.Property(p => p.GradeComment).HasMaxLength(Pledge.MaxText);
        b.Ignore(p => p.SourceKey);
        b.HasIndex(p => new { p.Year, p.MemberId });
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PledgeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PledgeItemConfiguration : IEntityTypeConfiguration<PledgeItem>
{
    public void Configure(EntityTypeBuilder<PledgeItem> b)
    {
        b.Property(i => i.Text).HasMaxLength(Pledge.MaxItemText);
        b.Property(i => i.Target).HasMaxLength(Pledge.MaxTarget);
    }
}
