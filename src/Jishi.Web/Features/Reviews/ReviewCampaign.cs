using Jishi.Web.Features.Organizations;

namespace Jishi.Web.Features.Reviews;

public enum ReviewStatus
{
    Draft = 0,
    Open = 1,
    Closed = 2,
    Published = 3,
}

/// <summary>One year's 述职评议 of secretaries. The foundation holds only its frame (title, date, subjects); the review
/// issue adds voter groups, tokens, ballots and results.</summary>
public sealed class ReviewCampaign
{
    private ReviewCampaign() { }

    public ReviewCampaign(int streetId, string title, int year, DateOnly meetingDate)
    {
        StreetId = streetId;
        Title = title;
        Year = year;
        MeetingDate = meetingDate;
    }

    public int Id { get; private set; }
    public int StreetId { get; private set; }
    public string Title { get; private set; } = "";
    public int Year { get; private set; }
    public DateOnly MeetingDate { get; private set; }
    public ReviewStatus Status { get; private set; }

    /// <summary>The share of the ballot in the composite score (default 40 %; the rest is the daily assessment).</summary>
    public double BallotWeight { get; private set; } = 0.4;

    public List<ReviewSubject> Subjects { get; private set; } = [];

    public void AddSubject(Unit unit, string secretaryName) => Subjects.Add(new ReviewSubject(unit.Id, secretaryName));
}

/// <summary>A secretary under review, with the unit whose party work they report on.</summary>
public sealed class ReviewSubject
{
    private ReviewSubject() { }

    internal ReviewSubject(int unitId, string name)
    {
        UnitId = unitId;
        Name = name;
    }

    public int Id { get; private set; }
    public int CampaignId { get; private set; }
    public int UnitId { get; private set; }
    public string Name { get; private set; } = "";
}
