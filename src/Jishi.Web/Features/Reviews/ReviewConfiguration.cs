using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Reviews;

public sealed class ReviewCampaignConfiguration : IEntityTypeConfiguration<ReviewCampaign>
{
    public void Configure(EntityTypeBuilder<ReviewCampaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.StreetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Subjects).WithOne().HasForeignKey(s => s.CampaignId);
    }
}

public sealed class ReviewSubjectConfiguration : IEntityTypeConfiguration<ReviewSubject>
{
    public void Configure(EntityTypeBuilder<ReviewSubject> b)
    {
        b.Property(s => s.Name).HasMaxLength(50);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.CampaignId, s.UnitId }).IsUnique();
    }
}
