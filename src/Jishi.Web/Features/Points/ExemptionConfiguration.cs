using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Points;

public sealed class ExemptionConfiguration : IEntityTypeConfiguration<Exemption>
{
    public void Configure(EntityTypeBuilder<Exemption> b)
    {
        b.Property(x => x.DecidedBy).HasMaxLength(Exemptions.MaxDecidedBy);
        b.Property(x => x.Reason).HasMaxLength(PointsLedger.MaxNote);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        b.HasIndex(x => x.Year);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
