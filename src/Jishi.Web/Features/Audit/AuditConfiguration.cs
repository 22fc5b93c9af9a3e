using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Audit;

public sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.UserName).HasMaxLength(100);
        b.Property(a => a.Entity).HasMaxLength(100);
        b.Property(a => a.Key).HasMaxLength(100);
        b.Property(a => a.Action).HasMaxLength(20);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.Entity, a.Key });
    }
}
