namespace Jishi.Web.Features.Points;

/// <summary>免评: by the branch's decision a 年老体弱 member is not assessed for a year. The member keeps a ledger, but the
/// year-end sheet shows 免评 instead of a band and rank, and no low-score warning is raised. One per member and year.</summary>
public sealed class Exemption
{
    /// <summary>The tier whose members may be exempted (issue 4: 年老体弱 "may be exempted by the branch's decision").</summary>
    public const string Tier = "年老体弱";

    private Exemption() { }

    public Exemption(int memberId, int year, string decidedBy, DateOnly decidedOn, string reason, string recordedBy, DateTime recordedAt)
    {
        MemberId = memberId;
        Year = year;
        DecidedBy = decidedBy;
        DecidedOn = decidedOn;
        Reason = reason;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
    }

    public int Id { get; private set; }
    public int MemberId { get; private set; }
    public int Year { get; private set; }

    /// <summary>The body that decided, as its minutes name it (e.g. 第一党支部支委会).</summary>
    public string DecidedBy { get; private set; } = "";

    public DateOnly DecidedOn { get; private set; }
    public string Reason { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
}
