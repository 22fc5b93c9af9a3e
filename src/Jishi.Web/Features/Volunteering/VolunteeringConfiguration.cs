using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Volunteering;

public sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> b)
    {
        b.Property(v => v.Name).HasMaxLength(Venue.MaxName);
        b.Property(v => v.Type).HasMaxLength(Venue.MaxType);
        b.Property(v => v.Address).HasMaxLength(Venue.MaxAddress);
        b.Property(v => v.OpeningHours).HasMaxLength(Venue.MaxHours);
        b.HasOne<Unit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.Property(v => v.Name).HasMaxLength(Volunteer.MaxName);
        b.Property(v => v.Phone).HasMaxLength(30);
        b.Property(v => v.IdType).HasConversion<string>().HasMaxLength(30);
        b.Property(v => v.IdNumber).HasMaxLength(Volunteer.MaxIdNumber);
        b.HasIndex(v => v.Phone);
        b.HasIndex(v => new { v.IdType, v.IdNumber }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(v => v.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VolunteerActivityConfiguration : IEntityTypeConfiguration<VolunteerActivity>
{
    public void Configure(EntityTypeBuilder<VolunteerActivity> b)
    {
        // The database refuses an oversubscription even if a code path forgot the conditional update.
        b.ToTable(t => t.HasCheckConstraint("CK_VolunteerActivities_Capacity", "\"SignedUp\" >= 0 AND \"SignedUp\" <= \"Capacity\""));
        b.Property(a => a.Title).HasMaxLength(VolunteerActivity.MaxTitle);
        b.Property(a => a.Content).HasMaxLength(VolunteerActivity.MaxContent);
        b.Property(a => a.Contact).HasMaxLength(VolunteerActivity.MaxContact);
        b.Property(a => a.Secret).HasMaxLength(32);
        b.HasIndex(a => a.Secret).IsUnique();
        // The status is a concurrency token: of two confirmations that read "published", only the first writes.
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.ConfirmedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.UnitId, a.StartsAt });
        b.HasOne<Unit>().WithMany().HasForeignKey(a => a.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Venue>().WithMany().HasForeignKey(a => a.VenueId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ActivitySignupConfiguration : IEntityTypeConfiguration<ActivitySignup>
{
    public void Configure(EntityTypeBuilder<ActivitySignup> b)
    {
        b.ToTable(t => t.HasCheckConstraint("CK_ActivitySignups_Person", "(\"MemberId\" IS NULL) <> (\"VolunteerId\" IS NULL)"));
        // One place per person and activity (NULLs are distinct, so each index binds only its kind of person).
        b.HasIndex(s => new { s.ActivityId, s.MemberId }).IsUnique();
        b.HasIndex(s => new { s.ActivityId, s.VolunteerId }).IsUnique();
        b.HasOne<VolunteerActivity>().WithMany().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(s => s.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> b)
    {
        b.Ignore(r => r.Hours);
        // One record per person and activity, however often the hours are confirmed.
        b.HasIndex(r => new { r.ActivityId, r.MemberId }).IsUnique();
        b.HasIndex(r => new { r.ActivityId, r.VolunteerId }).IsUnique();
        b.HasIndex(r => new { r.MemberId, r.Year });
        b.HasIndex(r => new { r.VolunteerId, r.Year });
        b.HasOne<VolunteerActivity>().WithMany().HasForeignKey(r => r.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Volunteer>().WithMany().HasForeignKey(r => r.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}
