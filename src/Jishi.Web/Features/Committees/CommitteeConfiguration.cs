using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Committees;

public sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> b)
    {
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Cascade);
        // One current committee per unit: two elections recorded at once cannot both stay open.
        b.HasIndex(c => c.UnitId).IsUnique().HasFilter("\"ClosedOn\" IS NULL");
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.HasMany(c => c.Seats).WithOne().HasForeignKey(s => s.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Seats).HasField("_seats");
    }
}
