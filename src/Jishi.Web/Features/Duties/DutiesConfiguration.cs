using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Duties;

public sealed class DutyListConfiguration : IEntityTypeConfiguration<DutyList>
{
    public void Configure(EntityTypeBuilder<DutyList> b)
    {
        b.HasIndex(l => new { l.UnitId, l.Year }).IsUnique();
        b.Property(l => l.UpdatedBy).HasMaxLength(256);
        b.HasOne<Unit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(l => l.Items).WithOne().HasForeignKey(i => i.DutyListId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(l => l.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class DutyItemConfiguration : IEntityTypeConfiguration<DutyItem>
{
    public void Configure(EntityTypeBuilder<DutyItem> b)
    {
        b.Property(i => i.Category).HasMaxLength(DutyItem.MaxCategory);
        b.Property(i => i.Content).HasMaxLength(DutyItem.MaxContent);
        b.Property(i => i.Notes).HasMaxLength(DutyItem.MaxNotes);
        b.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
    }
}

public sealed class KeyTaskConfiguration : IEntityTypeConfiguration<KeyTask>
{
    public void Configure(EntityTypeBuilder<KeyTask> b)
    {
        b.HasIndex(t => new { t.StreetId, t.Year });
        b.Property(t => t.Title).HasMaxLength(KeyTask.MaxTitle);
        b.Property(t => t.Description).HasMaxLength(KeyTask.MaxText);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.StreetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(t => t.Cells).WithOne().HasForeignKey(c => c.KeyTaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Cells).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class KeyTaskCellConfiguration : IEntityTypeConfiguration<KeyTaskCell>
{
    public void Configure(EntityTypeBuilder<KeyTaskCell> b)
    {
        b.HasIndex(c => new { c.KeyTaskId, c.UnitId }).IsUnique();
        b.HasIndex(c => c.UnitId);
        b.Property(c => c.Owner).HasMaxLength(KeyTaskCell.MaxOwner);
        b.Property(c => c.UpdatedBy).HasMaxLength(256);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany<KeyTaskNote>().WithOne().HasForeignKey(n => n.CellId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany<KeyTaskEvidence>().WithOne().HasForeignKey(e => e.CellId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class KeyTaskNoteConfiguration : IEntityTypeConfiguration<KeyTaskNote>
{
    public void Configure(EntityTypeBuilder<KeyTaskNote> b)
    {
        b.Property(n => n.Text).HasMaxLength(KeyTask.MaxText);
        b.Property(n => n.By).HasMaxLength(256);
    }
}

public sealed class KeyTaskEvidenceConfiguration : IEntityTypeConfiguration<KeyTaskEvidence>
{
    public void Configure(EntityTypeBuilder<KeyTaskEvidence> b)
    {
        b.Property(e => e.FileName).HasMaxLength(Shared.FileKinds.MaxName);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.UploadedBy).HasMaxLength(256);
    }
}
