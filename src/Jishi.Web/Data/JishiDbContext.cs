using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Audit;
using Jishi.Web.Features.Meetings;
using Jishi.Web.Features.Members;
using Jishi.Web.Features.Organizations;
using Jishi.Web.Features.Pledges;
using Jishi.Web.Features.Points;
using Jishi.Web.Features.Points.Postings;
using Jishi.Web.Features.Reviews;
using Jishi.Web.Features.Shops;
using Jishi.Web.Features.Wishes;
using Jishi.Web.Features.Volunteering;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Jishi.Web.Data;

public sealed class JishiDbContext(DbContextOptions<JishiDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Features.Committees.Committee> Committees => Set<Features.Committees.Committee>();
    public DbSet<Features.Committees.CommitteeSeat> CommitteeSeats => Set<Features.Committees.CommitteeSeat>();
    public DbSet<MemberTransfer> MemberTransfers => Set<MemberTransfer>();
    public DbSet<MemberTier> MemberTiers => Set<MemberTier>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ReviewCampaign> ReviewCampaigns => Set<ReviewCampaign>();
    public DbSet<ReviewSubject> ReviewSubjects => Set<ReviewSubject>();
    public DbSet<VoterGroup> VoterGroups => Set<VoterGroup>();
    public DbSet<BallotToken> BallotTokens => Set<BallotToken>();
    public DbSet<BallotCodeCheck> BallotCodeChecks => Set<BallotCodeCheck>();
    public DbSet<Ballot> Ballots => Set<Ballot>();
    public DbSet<ReviewTrustee> ReviewTrustees => Set<ReviewTrustee>();
    public DbSet<BallotTally> BallotTallies => Set<BallotTally>();
    public DbSet<Rectification> Rectifications => Set<Rectification>();
    public DbSet<PaperEntry> PaperEntries => Set<PaperEntry>();
    public DbSet<WorkReport> WorkReports => Set<WorkReport>();
    public DbSet<WorkReportProblem> WorkReportProblems => Set<WorkReportProblem>();
    public DbSet<RectificationEvidence> RectificationEvidence => Set<RectificationEvidence>();
    public DbSet<RuleSet> RuleSets => Set<RuleSet>();
    public DbSet<PointRule> PointRules => Set<PointRule>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<MemberPoints> MemberPoints => Set<MemberPoints>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingAttendance> MeetingAttendance => Set<MeetingAttendance>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<PledgeItem> PledgeItems => Set<PledgeItem>();
    public DbSet<Posting> Postings => Set<Posting>();
    public DbSet<Objection> Objections => Set<Objection>();
    public DbSet<Exemption> Exemptions => Set<Exemption>();
    public DbSet<Shop> Shops => Set<Shop>();
    public DbSet<Goods> Goods => Set<Goods>();
    public DbSet<StockMovement> StockMovements => Set<StockMovement>();
    public DbSet<Redemption> Redemptions => Set<Redemption>();
    public DbSet<RedemptionLine> RedemptionLines => Set<RedemptionLine>();
    public DbSet<Wish> Wishes => Set<Wish>();
    public DbSet<WishClaim> WishClaims => Set<WishClaim>();
    public DbSet<WishFile> WishFiles => Set<WishFile>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<VolunteerActivity> VolunteerActivities => Set<VolunteerActivity>();
    public DbSet<ActivitySignup> ActivitySignups => Set<ActivitySignup>();
    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();
    public DbSet<Features.MemberEvaluation.EvaluationRound> EvaluationRounds => Set<Features.MemberEvaluation.EvaluationRound>();
    public DbSet<Features.MemberEvaluation.EvaluationParticipant> EvaluationParticipants => Set<Features.MemberEvaluation.EvaluationParticipant>();
    public DbSet<Features.MemberEvaluation.EvaluationComment> EvaluationComments => Set<Features.MemberEvaluation.EvaluationComment>();
    public DbSet<Features.MemberEvaluation.EvaluationToken> EvaluationTokens => Set<Features.MemberEvaluation.EvaluationToken>();
    public DbSet<Features.Duties.DutyList> DutyLists => Set<Features.Duties.DutyList>();
    public DbSet<Features.Duties.KeyTask> KeyTasks => Set<Features.Duties.KeyTask>();
    public DbSet<Features.Duties.KeyTaskCell> KeyTaskCells => Set<Features.Duties.KeyTaskCell>();
    public DbSet<Features.Duties.KeyTaskNote> KeyTaskNotes => Set<Features.Duties.KeyTaskNote>();
    public DbSet<Features.Duties.KeyTaskEvidence> KeyTaskEvidence => Set<Features.Duties.KeyTaskEvidence>();
    public DbSet<Features.Publicity.PublicityItem> PublicityItems => Set<Features.Publicity.PublicityItem>();
    public DbSet<Features.Turnaround.TurnaroundPlan> TurnaroundPlans => Set<Features.Turnaround.TurnaroundPlan>();
    public DbSet<Features.Turnaround.TurnaroundMilestone> TurnaroundMilestones => Set<Features.Turnaround.TurnaroundMilestone>();
    public DbSet<Features.Turnaround.TurnaroundProgress> TurnaroundProgress => Set<Features.Turnaround.TurnaroundProgress>();
    public DbSet<Features.Turnaround.TurnaroundFile> TurnaroundFiles => Set<Features.Turnaround.TurnaroundFile>();
    public DbSet<Features.Grading.IndicatorLibrary> IndicatorLibraries => Set<Features.Grading.IndicatorLibrary>();
    public DbSet<Features.Grading.Indicator> Indicators => Set<Features.Grading.Indicator>();
    public DbSet<Features.Grading.GradingRound> GradingRounds => Set<Features.Grading.GradingRound>();
    public DbSet<Features.Grading.BranchGrading> BranchGradings => Set<Features.Grading.BranchGrading>();
    public DbSet<Features.Grading.IndicatorScore> IndicatorScores => Set<Features.Grading.IndicatorScore>();
    public DbSet<Features.Grading.GradingEvidence> GradingEvidence => Set<Features.Grading.GradingEvidence>();
    public DbSet<Features.Grading.GradingObjection> GradingObjections => Set<Features.Grading.GradingObjection>();
    public DbSet<Features.Setup.SetupProgress> SetupProgress => Set<Features.Setup.SetupProgress>();
    public DbSet<Features.Dues.DuesBase> DuesBases => Set<Features.Dues.DuesBase>();
    public DbSet<Features.Dues.DuesPayment> DuesPayments => Set<Features.Dues.DuesPayment>();
    public DbSet<Features.Dues.DuesPaidMonth> DuesPaidMonths => Set<Features.Dues.DuesPaidMonth>();

    /// <summary>Instants are stored as UTC <see cref="DateTime"/> (SQLite cannot compare DateTimeOffset) and read back
    /// marked as UTC, so that JSON shows them with a Z.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder builder) =>
        builder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(JishiDbContext).Assembly);
    }
}

public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
