using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

namespace Jishi.Bench;

/// <summary>述职评议 voting on the demo: a campaign of 9 communities and 4 voter groups, one-time codes issued beforehand
/// (enough for about 3,000 ballots/s over the run), each client casting one ballot of 9 ratings per code through
/// <c>POST /api/ballots/{code}</c>. Afterwards the campaign is closed and its results are timed; every accepted ballot must
/// be counted.</summary>
public sealed class BallotsScenario : Scenario
{
    private static readonly string[] Grades = ["好", "较好", "一般", "差"];
    private readonly ConcurrentQueue<string> _codes = new();
    private HttpClient _http = null!;
    private Review _review = null!;
    private int _accepted;

    public override bool Writes => true;
    public override string Unit => "ballots";

    public override async Task PrepareAsync(Run run)
    {
        _http = run.Http;
        var admin = run.Server.Admin;
        var codes = Math.Clamp((run.Options.WarmUp + run.Options.Seconds) * 3_000, 5_000, 200_000);
        var units = (await admin.GetFromJsonAsync<List<UnitRow>>("/api/units"))!;
        _review = (await (await admin.PostAsJsonAsync("/api/reviews", new
        {
            title = "基准测试评议", year = 2016, meetingDate = "2016-02-13",
            subjects = units.Where(u => u.Kind == "Community").Take(9).Select(u => new { unitId = u.Id }),
            voterGroups = new[] { ("街道党工委成员", 0.3), ("新当选社区两委成员", 0.3), ("各站所负责人", 0.2), ("社区干部", 0.2) }
                .Select(g => new { name = g.Item1, weight = g.Item2, headCount = codes / 4 }),
            ballotWeight = 0.4,
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<Review>())!;
        (await admin.PostAsync($"/api/reviews/{_review.Id}/open", null)).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        for (var issued = 0; issued < codes; issued += 1000)
        {
            var group = _review.VoterGroups[issued / 1000 % _review.VoterGroups.Count];
            var answer = await (await admin.PostAsJsonAsync($"/api/reviews/{_review.Id}/tokens", new { voterGroupId = group.Id, count = Math.Min(1000, codes - issued) }))
                .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<TokenList>();
            foreach (var code in answer!.Tokens)
            {
                _codes.Enqueue(code);
            }
        }
        Console.WriteLine($"issued {codes:N0} one-time codes in {watch.Elapsed.TotalSeconds:F1} s");
    }

    public override async Task<bool?> RequestAsync(Random random)
    {
        if (!_codes.TryDequeue(out var code))
        {
            return null;
        }
        var ballot = new { ratings = _review.Subjects.Select(s => new { subjectId = s.Id, grade = Grades[random.Next(Grades.Length)] }) };
        var ok = await LoadGenerator.SendAsync(_http, new HttpRequestMessage(HttpMethod.Post, $"/api/ballots/{code}") { Content = JsonContent.Create(ballot) });
        if (ok)
        {
            Interlocked.Increment(ref _accepted);
        }
        return ok;
    }

    public override async Task CheckAsync(Run run)
    {
        var admin = run.Server.Admin;
        if (_codes.IsEmpty)
        {
            run.Notes.Add("the codes ran out before the end (the window ends at the last ballot)");
        }
        (await admin.PostAsync($"/api/reviews/{_review.Id}/close", null)).EnsureSuccessStatusCode();
        var timings = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            (await admin.GetAsync($"/api/reviews/{_review.Id}/results")).EnsureSuccessStatusCode();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        var turnout = await admin.GetFromJsonAsync<Turnout>($"/api/reviews/{_review.Id}/turnout");
        run.Notes.Add($"results of {turnout!.Cast:N0} ballots {timings[0]:F0} ms first, {timings.Skip(1).Order().ElementAt(2):F0} ms warm (target < 200 ms)");
        run.Check(turnout.Cast == _accepted, $"turnout {turnout.Cast:N0} = {_accepted:N0} ballots accepted");
    }

    private sealed record Subject(int Id);
    private sealed record Group(int Id);
    private sealed record Review(int Id, List<Subject> Subjects, List<Group> VoterGroups);
    private sealed record TokenList(List<string> Tokens);
    private sealed record Turnout(int Issued, int Cast);
}
