using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Setup;

public sealed class SetupProgressConfiguration : IEntityTypeConfiguration<SetupProgress>
{
    public void Configure(EntityTypeBuilder<SetupProgress> b)
    {
        b.HasIndex(p => p.StreetId).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.StreetId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.Skipped);
    }
}
