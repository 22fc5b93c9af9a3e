using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>Campaign set-up through the public API, shared by the review tests.</summary>
internal static class ReviewApi
{
    public static readonly string[] GradeNames = ["好", "较好", "一般", "差"];

    public sealed record SubjectRow(int Id, string Name, int UnitId, string UnitName, string? Comment);
    public sealed record GroupRow(int Id, string Name, double Weight, int HeadCount);
    public sealed record Review(int Id, string Title, int Year, string Status, double BallotWeight, List<SubjectRow> Subjects, List<GroupRow> VoterGroups);
    private sealed record TokenList(List<string> Tokens);

    /// <summary>A new campaign over the first <paramref name="subjects"/> demo communities, with the given voter groups
    /// (weights 1, 2, 3 …), opened.</summary>
    public static async Task<Review> CreateOpenAsync(HttpClient admin, string title, int subjects, params string[] groups)
    {
        var review = await CreateDraftAsync(admin, title, subjects, groups);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/reviews/{review.Id}/open", null)).StatusCode);
        return review;
    }

    /// <summary>As <see cref="CreateOpenAsync"/>, left in Draft.</summary>
    public static async Task<Review> CreateDraftAsync(HttpClient admin, string title, int subjects, params string[] groups)
    {
        var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
        var created = await admin.PostAsJsonAsync("/api/reviews", new
        {
            title, year = 2016, meetingDate = "2016-02-13",
            subjects = units.Where(u => u.Kind == "Community").Take(subjects).Select(u => new { unitId = u.Id }),
            voterGroups = groups.Select((g, i) => new { name = g, weight = i + 1.0, headCount = 30 }),
            ballotWeight = 0.4,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var review = (await created.Content.ReadFromJsonAsync<Review>())!;
        Assert.Equal("Draft", review.Status);
        Assert.Equal(subjects, review.Subjects.Count);
        return review;
    }

    public static async Task<List<string>> IssueAsync(HttpClient admin, Review review, int groupIndex, int count)
    {
        var response = await admin.PostAsJsonAsync($"/api/reviews/{review.Id}/tokens", new { voterGroupId = review.VoterGroups[groupIndex].Id, count });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenList>())!.Tokens;
    }

    /// <summary>A complete ballot whose grades cycle from <paramref name="seed"/>.</summary>
    public static object BallotFor(Review review, int seed) =>
        new { ratings = review.Subjects.Select((s, i) => new { subjectId = s.Id, grade = GradeNames[(seed + i) % 4] }) };

    /// <summary>A complete ballot giving every subject <paramref name="grade"/>.</summary>
    public static object BallotAll(Review review, string grade) =>
        new { ratings = review.Subjects.Select(s => new { subjectId = s.Id, grade }) };

    /// <summary>A stored ballot with the first two grade ciphertexts of its first rating swapped, as a forger moving a vote
    /// would write it: every proof of that rating then fails.</summary>
    public static byte[] WithGradesSwapped(byte[] sealedBallot)
    {
        var bytes = sealedBallot.ToArray();
        var length = Jishi.Web.Features.Reviews.Sealing.Ciphertext.Length;
        var first = Jishi.Web.Features.Reviews.Sealing.SealedChoice.CiphertextOffset(0);
        var second = Jishi.Web.Features.Reviews.Sealing.SealedChoice.CiphertextOffset(1);
        sealedBallot.AsSpan(second, length).CopyTo(bytes.AsSpan(first, length));
        sealedBallot.AsSpan(first, length).CopyTo(bytes.AsSpan(second, length));
        return bytes;
    }
}
