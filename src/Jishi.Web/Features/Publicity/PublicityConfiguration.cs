using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Publicity;

public sealed class PublicityItemConfiguration : IEntityTypeConfiguration<PublicityItem>
{
    public void Configure(EntityTypeBuilder<PublicityItem> b)
    {
        b.HasIndex(p => new { p.UnitId, p.PublishedOn });
        b.Property(p => p.Title).HasMaxLength(PublicityItem.MaxTitle);
        b.Property(p => p.Outlet).HasMaxLength(PublicityItem.MaxOutlet);
        b.Property(p => p.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Link).HasMaxLength(PublicityItem.MaxLink);
        b.Property(p => p.FileName).HasMaxLength(Shared.FileKinds.MaxName);
        b.Property(p => p.FileType).HasMaxLength(100);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.Property(p => p.RemovedBy).HasMaxLength(256);
        b.Property(p => p.RemovedReason).HasMaxLength(500);
        b.Ignore(p => p.IsRemoved);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Credits).WithOne().HasForeignKey(c => c.PublicityItemId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Credits).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class PublicityCreditConfiguration : IEntityTypeConfiguration<PublicityCredit>
{
    public void Configure(EntityTypeBuilder<PublicityCredit> b)
    {
        b.HasIndex(c => new { c.PublicityItemId, c.MemberId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
