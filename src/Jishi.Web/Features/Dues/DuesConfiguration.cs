using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Dues;

public sealed class DuesBaseConfiguration : IEntityTypeConfiguration<DuesBase>
{
    public void Configure(EntityTypeBuilder<DuesBase> b)
    {
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SetBy).HasMaxLength(256);
        b.HasIndex(x => new { x.MemberId, x.Year }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DuesPaymentConfiguration : IEntityTypeConfiguration<DuesPayment>
{
    public void Configure(EntityTypeBuilder<DuesPayment> b)
    {
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Months).HasMaxLength(1000);
        b.Property(x => x.RequestId).HasMaxLength(DuesPayment.MaxRequestId);
        b.Property(x => x.Reason).HasMaxLength(DuesPayment.MaxReason);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.HasIndex(x => x.RequestId).IsUnique();
        // One reversal per payment, also when two arrive at once.
        b.HasIndex(x => x.ReversalOf).IsUnique();
        b.HasIndex(x => x.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(x => x.PayerMemberId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.PaidMonths).WithOne().HasForeignKey(x => x.PaymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DuesPaidMonthConfiguration : IEntityTypeConfiguration<DuesPaidMonth>
{
    public void Configure(EntityTypeBuilder<DuesPaidMonth> b)
    {
        b.HasKey(x => new { x.MemberId, x.Month });
        b.HasIndex(x => x.PaymentId);
    }
}
