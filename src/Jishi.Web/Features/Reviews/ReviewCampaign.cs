using Jishi.Web.Features.Organizations;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

public enum ReviewStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
    Published = 3,
}

/// <summary>One year's 述职评议 of secretaries. It moves Draft → Open → Closed → Published only through
/// <see cref="Open"/>, <see cref="Close"/> and <see cref="Publish"/>; ballots are accepted only while Open.</summary>
public sealed class ReviewCampaign
{
    private ReviewCampaign() { }

    public ReviewCampaign(int streetId, string title, int year, DateOnly meetingDate, double ballotWeight = 0.4, ReviewScale? scale = null)
    {
        if (ballotWeight is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ballotWeight));
        }
        if (scale is not null && !scale.IsValid)
        {
            throw new ArgumentOutOfRangeException(nameof(scale));
        }
        Scale = scale ?? new ReviewScale();
        StreetId = streetId;
        Title = title.Trim();
        Year = year;
        MeetingDate = meetingDate;
        BallotWeight = ballotWeight;
    }

    public int Id { get; private set; }
    public int StreetId { get; private set; }
    public string Title { get; private set; } = "";
    public int Year { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public ReviewStatus Status { get; private set; }

    /// <summary>The share of the ballot in the composite score (default 40 %; the rest is the daily assessment).</summary>
    public double BallotWeight { get; private set; } = 0.4;

    public ReviewScale Scale { get; private set; } = new();

    public List<ReviewSubject> Subjects { get; private set; } = [];
    public List<VoterGroup> VoterGroups { get; private set; } = [];

    public ReviewSubject AddSubject(Unit unit, string secretaryName)
    {
        var subject = new ReviewSubject(unit.Id, secretaryName);
        Subjects.Add(subject);
        return subject;
    }

    public VoterGroup AddVoterGroup(string name, double weight, int headCount)
    {
        var group = new VoterGroup(name, weight, headCount);
        VoterGroups.Add(group);
        return group;
    }

    public bool AcceptsBallots => Status == ReviewStatus.Open;

    /// <summary>Tokens may be issued while the campaign is being prepared or is running.</summary>
    public bool AcceptsTokens => Status is ReviewStatus.Draft or ReviewStatus.Open;

    public Error? Open()
    {
        if (Status != ReviewStatus.Draft)
        {
            return ReviewErrors.WrongState(Status, "Review.Action.Open");
        }
        if (Subjects.Count == 0 || VoterGroups.Count == 0)
        {
            return Error.Conflict("Review.NothingToOpen");
        }
        Status = ReviewStatus.Open;
        return null;
    }

    public Error? Close()
    {
        if (Status != ReviewStatus.Open)
        {
            return ReviewErrors.WrongState(Status, "Review.Action.Close");
        }
        Status = ReviewStatus.Closed;
        return null;
    }

    public Error? Publish()
    {
        if (Status != ReviewStatus.Closed)
        {
            return ReviewErrors.WrongState(Status, "Review.Action.Publish");
        }
        Status = ReviewStatus.Published;
        return null;
    }

    public bool HasResults => Status is ReviewStatus.Closed or ReviewStatus.Published;
}
