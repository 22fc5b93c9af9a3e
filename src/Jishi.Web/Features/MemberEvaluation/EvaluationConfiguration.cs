using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jishi.Web.Features.MemberEvaluation;

public sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> b)
    {
        // The status is a concurrency token: of two transitions that read the same status, only the first writes.
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(r => r.Title).HasMaxLength(EvaluationRound.MaxTitle);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.DecidedBy).HasMaxLength(256);
        b.Ignore(r => r.EligibleVoters);
        // One round per branch and year.
        b.HasIndex(r => new { r.UnitId, r.Year }).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(r => r.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Participants).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationParticipantConfiguration : IEntityTypeConfiguration<EvaluationParticipant>
{
    public void Configure(EntityTypeBuilder<EvaluationParticipant> b)
    {
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.SelfAssessment).HasMaxLength(EvaluationParticipant.MaxText);
        b.Property(p => p.SelfAssessedBy).HasMaxLength(256);
        b.Property(p => p.Decided).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.FollowUpMeasures).HasMaxLength(EvaluationParticipant.MaxText);
        b.Property(p => p.FollowUpOutcome).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.FollowUpNote).HasMaxLength(EvaluationParticipant.MaxText);
        b.Property(p => p.FollowUpBy).HasMaxLength(256);
        b.HasIndex(p => new { p.RoundId, p.MemberId }).IsUnique();
        b.HasIndex(p => p.MemberId);
        b.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationCommentConfiguration : IEntityTypeConfiguration<EvaluationComment>
{
    public void Configure(EntityTypeBuilder<EvaluationComment> b)
    {
        b.Property(c => c.AuthorName).HasMaxLength(50);
        b.Property(c => c.Text).HasMaxLength(EvaluationComment.MaxText);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.HasIndex(c => c.RoundId);
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<EvaluationParticipant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class EvaluationTokenConfiguration : IEntityTypeConfiguration<EvaluationToken>
{
    public void Configure(EntityTypeBuilder<EvaluationToken> b)
    {
        b.Property(t => t.Hash).HasMaxLength(64);
        b.HasIndex(t => t.Hash).IsUnique();
        b.HasIndex(t => t.RoundId);
        b.HasOne<EvaluationRound>().WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
