using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Organizations;

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> b)
    {
        b.Property(u => u.Name).HasMaxLength(Unit.MaxName);
        b.Property(u => u.Path).HasMaxLength(400);
        b.Property(u => u.District).HasMaxLength(Unit.MaxDistrict);
        b.HasIndex(u => u.Path);
        b.HasIndex(u => u.ParentId);
        b.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        foreach (var p in new[] { nameof(Unit.SecretaryName), nameof(Unit.ContactName), nameof(Unit.ContactPhone),
                     nameof(Unit.OrgCategory), nameof(Unit.EmployerSituation), nameof(Unit.EmployerName),
                     nameof(Unit.EmployerCategory), nameof(Unit.EmployerOrgSetup), nameof(Unit.EmployerCreditCode) })
        {
            b.Property<string?>(p).HasMaxLength(100);
        }
    }
}
