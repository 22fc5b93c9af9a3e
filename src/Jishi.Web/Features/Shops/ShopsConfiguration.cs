using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Points;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Shops;

public sealed class ShopConfiguration : IEntityTypeConfiguration<Shop>
{
    public void Configure(EntityTypeBuilder<Shop> b)
    {
        b.Property(s => s.Name).HasMaxLength(Shop.MaxName);
        b.Property(s => s.Address).HasMaxLength(Shop.MaxAddress);
        b.Property(s => s.Hours).HasMaxLength(Shop.MaxHours);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GoodsConfiguration : IEntityTypeConfiguration<Goods>
{
    public void Configure(EntityTypeBuilder<Goods> b)
    {
        b.Property(g => g.Name).HasMaxLength(Goods.MaxName);
        b.Property(g => g.PricePoints).AsHundredths();
        // The database refuses a negative stock whatever the code does.
        b.ToTable(t => t.HasCheckConstraint("CK_Goods_Stock", "\"Stock\" >= 0"));
        b.HasOne<Shop>().WithMany().HasForeignKey(g => g.ShopId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> b)
    {
        b.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.Reason).HasMaxLength(StockMovement.MaxReason);
        b.Property(m => m.By).HasMaxLength(256);
        b.HasIndex(m => new { m.GoodsId, m.At });
        b.HasOne<Goods>().WithMany().HasForeignKey(m => m.GoodsId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Redemption>().WithMany().HasForeignKey(m => m.RedemptionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RedemptionConfiguration : IEntityTypeConfiguration<Redemption>
{
    public void Configure(EntityTypeBuilder<Redemption> b)
    {
        b.Property(r => r.RequestId).HasMaxLength(Redemption.MaxRequestId);
        b.Property(r => r.VoucherCode).HasMaxLength(Redemption.VoucherLength);
        b.Property(r => r.PointsSpent).AsHundredths();
        // Concurrency token: a pick-up and a cancellation of the same voucher cannot both close it.
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.ClosedBy).HasMaxLength(256);
        // The database, not the code, guarantees one redemption per request and one per voucher code.
        b.HasIndex(r => r.RequestId).IsUnique();
        b.HasIndex(r => r.VoucherCode).IsUnique();
        b.HasIndex(r => new { r.ShopId, r.CreatedAt });
        b.HasIndex(r => new { r.MemberId, r.Year });
        b.HasOne<Shop>().WithMany().HasForeignKey(r => r.ShopId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.RedemptionId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class RedemptionLineConfiguration : IEntityTypeConfiguration<RedemptionLine>
{
    public void Configure(EntityTypeBuilder<RedemptionLine> b)
    {
        b.Property(l => l.PricePoints).AsHundredths();
        b.HasOne<Goods>().WithMany().HasForeignKey(l => l.GoodsId).OnDelete(DeleteBehavior.Restrict);
    }
}
