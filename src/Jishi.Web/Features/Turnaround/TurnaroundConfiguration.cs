using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Turnaround;

public sealed class TurnaroundPlanConfiguration : IEntityTypeConfiguration<TurnaroundPlan>
{
    public void Configure(EntityTypeBuilder<TurnaroundPlan> b)
    {
        // The status is a concurrency token: of a re-grading and a cancellation made at once, only the first closes the plan.
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(p => p.HelperRole).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.NewCategory).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Origin).HasMaxLength(TurnaroundPlan.MaxText);
        b.Property(p => p.LeaderName).HasMaxLength(TurnaroundPlan.MaxName);
        b.Property(p => p.HelperName).HasMaxLength(TurnaroundPlan.MaxName);
        b.Property(p => p.HelperRoleText).HasMaxLength(TurnaroundPlan.MaxName);
        b.Property(p => p.Target).HasMaxLength(TurnaroundPlan.MaxName * 2);
        b.Property(p => p.RegradeNote).HasMaxLength(TurnaroundPlan.MaxText);
        b.Property(p => p.CancelReason).HasMaxLength(TurnaroundPlan.MaxText);
        b.Property(p => p.ClosedBy).HasMaxLength(256);
        b.Property(p => p.CreatedBy).HasMaxLength(256);
        b.HasIndex(p => new { p.Year, p.Status });
        b.HasIndex(p => p.UnitId);
        b.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Progress).WithOne().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TurnaroundMilestoneConfiguration : IEntityTypeConfiguration<TurnaroundMilestone>
{
    public void Configure(EntityTypeBuilder<TurnaroundMilestone> b)
    {
        b.Property(m => m.Title).HasMaxLength(TurnaroundMilestone.MaxTitle);
        b.Property(m => m.Note).HasMaxLength(TurnaroundPlan.MaxText);
        b.HasIndex(m => new { m.PlanId, m.DueOn });
    }
}

public sealed class TurnaroundProgressConfiguration : IEntityTypeConfiguration<TurnaroundProgress>
{
    public void Configure(EntityTypeBuilder<TurnaroundProgress> b)
    {
        b.Property(e => e.Text).HasMaxLength(TurnaroundPlan.MaxProgress);
        b.Property(e => e.Author).HasMaxLength(256);
        // One entry a month, also when two people add this month's entry at the same moment.
        b.HasIndex(e => new { e.PlanId, e.Month }).IsUnique();
    }
}

public sealed class TurnaroundFileConfiguration : IEntityTypeConfiguration<TurnaroundFile>
{
    public void Configure(EntityTypeBuilder<TurnaroundFile> b)
    {
        b.Property(f => f.FileName).HasMaxLength(200);
        b.Property(f => f.ContentType).HasMaxLength(100);
        b.Property(f => f.UploadedBy).HasMaxLength(256);
        b.HasIndex(f => f.MilestoneId);
        b.HasOne<TurnaroundMilestone>().WithMany().HasForeignKey(f => f.MilestoneId).OnDelete(DeleteBehavior.Cascade);
    }
}
