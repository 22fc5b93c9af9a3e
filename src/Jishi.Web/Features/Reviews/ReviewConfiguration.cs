using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.Reviews;

public sealed class ReviewCampaignConfiguration : IEntityTypeConfiguration<ReviewCampaign>
{
    public void Configure(EntityTypeBuilder<ReviewCampaign> b)
    {
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.StreetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Subjects).WithOne().HasForeignKey(s => s.CampaignId);
        b.HasMany(c => c.VoterGroups).WithOne().HasForeignKey(g => g.CampaignId);
        b.HasMany(c => c.Dimensions).WithOne().HasForeignKey(d => d.CampaignId);
        b.HasMany(c => c.Trustees).WithOne().HasForeignKey(t => t.CampaignId);
        // Read-only lists over fields: only the campaign's own methods add or remove (in Draft).
        b.Navigation(c => c.Subjects).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.VoterGroups).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Dimensions).UsePropertyAccessMode(PropertyAccessMode.Field);
        // Defaults in the schema too, so campaigns created before the scale existed get the standard one. The sentinel
        // is -1, not 0, so that a value of 0 (差 = 0 is common practice) is written rather than replaced by the default.
        var standard = new ReviewScale();
        b.ComplexProperty(c => c.Scale, s =>
        {
            s.Property(x => x.Good).HasDefaultValue(standard.Good).HasSentinel(-1d);
            s.Property(x => x.FairlyGood).HasDefaultValue(standard.FairlyGood).HasSentinel(-1d);
            s.Property(x => x.Average).HasDefaultValue(standard.Average).HasSentinel(-1d);
            s.Property(x => x.Poor).HasDefaultValue(standard.Poor).HasSentinel(-1d);
            s.Property(x => x.BandGood).HasDefaultValue(standard.BandGood).HasSentinel(-1d);
            s.Property(x => x.BandFairlyGood).HasDefaultValue(standard.BandFairlyGood).HasSentinel(-1d);
            s.Property(x => x.BandAverage).HasDefaultValue(standard.BandAverage).HasSentinel(-1d);
        });
    }
}

public sealed class ReviewSubjectConfiguration : IEntityTypeConfiguration<ReviewSubject>
{
    public void Configure(EntityTypeBuilder<ReviewSubject> b)
    {
        b.Property(s => s.Name).HasMaxLength(50);
        b.Property(s => s.Comment).HasMaxLength(ReviewSubject.MaxCommentLength);
        b.HasOne<Unit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.CampaignId, s.UnitId }).IsUnique();
    }
}

public sealed class VoterGroupConfiguration : IEntityTypeConfiguration<VoterGroup>
{
    public void Configure(EntityTypeBuilder<VoterGroup> b) => b.Property(g => g.Name).HasMaxLength(VoterGroup.MaxNameLength);
}

public sealed class ReviewDimensionConfiguration : IEntityTypeConfiguration<ReviewDimension>
{
    public void Configure(EntityTypeBuilder<ReviewDimension> b)
    {
        b.ToTable("ReviewDimensions");
        b.Property(d => d.Name).HasMaxLength(ReviewDimension.MaxNameLength);
        b.HasIndex(d => new { d.CampaignId, d.Name }).IsUnique();
    }
}

public sealed class BallotTokenConfiguration : IEntityTypeConfiguration<BallotToken>
{
    public void Configure(EntityTypeBuilder<BallotToken> b)
    {
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => new { t.CampaignId, t.VoterGroupId });
        b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(t => t.CampaignId);
        b.HasOne<VoterGroup>().WithMany().HasForeignKey(t => t.VoterGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BallotCodeCheckConfiguration : IEntityTypeConfiguration<BallotCodeCheck>
{
    public void Configure(EntityTypeBuilder<BallotCodeCheck> b)
    {
        // Random, as the ballots' keys: the rows' order is not the order of the printed sheet.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Check).HasMaxLength(64);
        b.HasIndex(x => x.Check).IsUnique();
        b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(x => x.CampaignId);
    }
}

public sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        // A new table (the plaintext ballots of earlier campaigns are dropped; their tallies stay).
        b.ToTable("SealedBallots");
        // Random: on SQLite the key is the rowid, so the table is stored in key order and nothing counts the casting (ADR-015).
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Receipt).HasMaxLength(SealedBallot.TrackerLength);
        b.HasIndex(x => new { x.CampaignId, x.Receipt }).IsUnique();
        b.HasIndex(x => new { x.CampaignId, x.VoterGroupId });
        b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(x => x.CampaignId);
        b.HasOne<VoterGroup>().WithMany().HasForeignKey(x => x.VoterGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ReviewTrusteeConfiguration : IEntityTypeConfiguration<ReviewTrustee>
{
    public void Configure(EntityTypeBuilder<ReviewTrustee> b)
    {
        b.Property(t => t.Name).HasMaxLength(ReviewTrustee.MaxNameLength);
        b.HasIndex(t => new { t.CampaignId, t.Name }).IsUnique();
    }
}

public sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.Property(t => t.Problem).HasMaxLength(1000);
        b.Property(t => t.Owner).HasMaxLength(50);
        b.Property(t => t.Measures).HasMaxLength(2000);
        b.Property(t => t.Evidence).HasMaxLength(2000);
        b.Property(t => t.VerifiedBy).HasMaxLength(100);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(t => new { t.UnitId, t.Status });
        b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(t => t.CampaignId);
        b.HasOne<Unit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        // The task keeps its own copy of the problem's text, so it outlives an item the secretary later rewrites.
        b.HasOne<WorkReportProblem>().WithMany().HasForeignKey(t => t.SourceProblemId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => t.SourceProblemId).IsUnique();
    }
}

public sealed class BallotTallyConfiguration : IEntityTypeConfiguration<BallotTally>
{
    public void Configure(EntityTypeBuilder<BallotTally> b)
    {
        b.HasKey(t => new { t.CampaignId, t.SubjectId, t.VoterGroupId, t.DimensionId, t.Grade });
        b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(t => t.CampaignId);
        b.HasOne<ReviewSubject>().WithMany().HasForeignKey(t => t.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<VoterGroup>().WithMany().HasForeignKey(t => t.VoterGroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PaperEntryConfiguration : IEntityTypeConfiguration<PaperEntry>
{
    public void Configure(EntityTypeBuilder<PaperEntry> b)
    {
        b.Property(e => e.EnteredBy).HasMaxLength(256);
        // One keying per staff member and token, enforced by the database even for two requests at once.
        b.HasIndex(e => new { e.TokenId, e.EnteredBy }).IsUnique();
        b.HasIndex(e => e.CampaignId);
        b.HasOne<ReviewCampaign>().WithMany().HasForeignKey(e => e.CampaignId);
        b.HasOne<BallotToken>().WithMany().HasForeignKey(e => e.TokenId);
    }
}

public sealed class WorkReportConfiguration : IEntityTypeConfiguration<WorkReport>
{
    public void Configure(EntityTypeBuilder<WorkReport> b)
    {
        b.Property(r => r.Achievements).HasMaxLength(WorkReport.MaxSectionLength);
        b.Property(r => r.NextSteps).HasMaxLength(WorkReport.MaxSectionLength);
        b.Property(r => r.ReturnReason).HasMaxLength(WorkReport.MaxReasonLength);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => r.SubjectId).IsUnique();
        b.HasOne<ReviewSubject>().WithMany().HasForeignKey(r => r.SubjectId);
        b.HasMany(r => r.Problems).WithOne().HasForeignKey(p => p.WorkReportId);
    }
}

public sealed class WorkReportProblemConfiguration : IEntityTypeConfiguration<WorkReportProblem>
{
    public void Configure(EntityTypeBuilder<WorkReportProblem> b)
    {
        b.Property(p => p.Text).HasMaxLength(WorkReport.MaxProblemLength);
        b.HasIndex(p => new { p.WorkReportId, p.Position });
    }
}

public sealed class RectificationEvidenceConfiguration : IEntityTypeConfiguration<RectificationEvidence>
{
    public void Configure(EntityTypeBuilder<RectificationEvidence> b)
    {
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.UploadedBy).HasMaxLength(100);
        b.HasIndex(e => e.RectificationId);
        b.HasOne<Rectification>().WithMany().HasForeignKey(e => e.RectificationId);
    }
}
