using Jishi.Web.Features.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Meetings;

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(m => m.Type).HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.Topic).HasMaxLength(Meeting.MaxTopic);
        b.Property(m => m.RecordedBy).HasMaxLength(256);
        // One meeting of a type per unit and day: a second save of the same meeting, also a concurrent one, finds the first.
        b.HasIndex(m => new { m.UnitId, m.Type, m.Date }).IsUnique();
        b.HasOne(m => m.Unit).WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> b)
    {
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();
        b.HasOne<Member>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
