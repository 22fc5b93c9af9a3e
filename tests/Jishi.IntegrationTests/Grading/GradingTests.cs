using System.Net;
using System.Net.Http.Json;
using Jishi.IntegrationTests.Infrastructure;
using Jishi.Web.Features.Grading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Jishi.Testing;

namespace Jishi.IntegrationTests.Grading;

public sealed record IndicatorRow(int Id, string Category, string Item, decimal FullScore, bool EvidenceRequired, bool IsVeto, string Kind, string? AutoSource);

public sealed record LibraryRow(int Id, int Year, int Version, string Status, decimal BasicSum, List<IndicatorRow> Indicators);

public sealed record PreviousRow(int Year, decimal Total, int Stars, string Category);

public sealed record LineRow(int GradingId, int UnitId, string UnitName, string CommunityName, string Status, decimal? EvaluationScore, decimal? Total,
    int? Rank, int? Stars, string? Category, bool Rectify, PreviousRow? LastYear);

public sealed record RoundRow(int Id, int Year, string Status, DateOnly? PostingEndsOn, int OpenObjections, List<LineRow> Branches);

public sealed record StageRow(decimal Score, bool VetoHit, string? Note);

public sealed record EvidenceRow(int Id, int IndicatorId, string FileName);

public sealed record SheetLineRow(IndicatorRow Indicator, StageRow? Self, StageRow? Community, StageRow? Street, decimal? Score, List<EvidenceRow> Evidence);

public sealed record SheetRow(int GradingId, int UnitId, string Status, decimal Basic, decimal Deductions, bool CanSelfEvaluate, bool CanReview,
    bool CanDecide, List<SheetLineRow> Lines);

public sealed record PostingLineRow(int GradingId, string UnitName, string CommunityName, decimal Total, int Stars, string Category, bool Rectify);

public sealed record PostingRow(int RoundId, int Year, bool TakesObjections, List<PostingLineRow> Branches);

public sealed record BenchmarkLineRow(int IndicatorId, string Item, decimal FullScore, decimal? Own, decimal? Best, decimal? Median);

public sealed record BenchmarkRow(int GradingId, decimal OwnTotal, int BestGradingId, string BestUnitName, decimal BestTotal, List<BenchmarkLineRow> Lines);

/// <summary>分类定级 through the API: a 2017 round from the library copy through self-evaluation with evidence (branch secretary
/// zb0101), the community's review (sq01), the street's decision and 测评分 import, posting, an objection and Final; the
/// scope of each role; and the demo's 2016 round.</summary>
[Collection(ApiCollection.Name)]
public sealed class GradingTests(JishiFactory factory)
{
    private static readonly byte[] Pdf = "%PDF-1.4 grading test"u8.ToArray();

    /// <summary>A new 2017 library copied from the demo's, adopted, and a round on it opened for self-evaluation.</summary>
    private async Task<(HttpClient Admin, LibraryRow Library, RoundRow Round)> OpenRoundAsync(int year = 2017)
    {
        var admin = await factory.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/grading/libraries", new { year });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var library = (await created.Content.ReadFromJsonAsync<LibraryRow>())!;
        Assert.Equal(16, library.Indicators.Count);
        (await admin.PostAsync($"/api/grading/libraries/{library.Id}/adopt", null)).EnsureSuccessStatusCode();
        var deadline = factory.Clock.ServerToday().AddDays(10);
        var round = await admin.PostAsJsonAsync("/api/grading/rounds", new { year, libraryId = library.Id, deadline });
        Assert.Equal(HttpStatusCode.Created, round.StatusCode);
        var id = (await round.Content.ReadFromJsonAsync<RoundRow>())!.Id;
        var opened = await admin.PostAsync($"/api/grading/rounds/{id}/open", null);
        opened.EnsureSuccessStatusCode();
        return (admin, library, (await opened.Content.ReadFromJsonAsync<RoundRow>())!);
    }

    /// <summary>Scores of the items a branch scores itself; the street scores the automatic ones too (<paramref name="note"/> given).</summary>
    private static object[] ScoresOf(LibraryRow library, Func<IndicatorRow, decimal> score, string? note = null) =>
        library.Indicators.Where(i => i.AutoSource is null || note is not null).Select(i => (object)new { indicatorId = i.Id, score = score(i), vetoHit = false, note }).ToArray();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int gradingId, int indicatorId, string name, byte[] bytes)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(indicatorId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "indicatorId" },
            { new ByteArrayContent(bytes), "file", name },
        };
        return await client.PostAsync($"/api/grading/branches/{gradingId}/evidence", form);
    }

    private async Task<int> GradingOfAsync(RoundRow round, string branchSecretary) =>
        await factory.WithDbAsync(db => db.BranchGradings.Where(g => g.RoundId == round.Id
            && g.UnitId == db.Users.Where(u => u.UserName == branchSecretary).Select(u => u.UnitId).Single()).Select(g => g.Id).SingleAsync());

    [Fact]
    public async Task AutoItems_RoundReachesStreetDecision_ScoredFromKeyTasksAndPublicity()
    {
        // 2019 is this test's own year: the branch's community did one of its two key tasks on time, the branch had one city report.
        var (admin, _, round) = await OpenRoundAsync(2019);
        var own = await GradingOfAsync(round, "zb0101");
        await factory.WithDbAsync(async db =>
        {
            var branch = await db.Users.Where(u => u.UserName == "zb0101").Select(u => u.UnitId).SingleAsync();
            var community = await db.Units.Where(u => u.Id == branch).Select(u => u.ParentId!.Value).SingleAsync();
            var street = await db.Units.Where(u => u.Id == community).Select(u => u.ParentId!.Value).SingleAsync();
            var done = new Jishi.Web.Features.Duties.KeyTask(street, 2019, "自动计分一", null, new DateOnly(2019, 6, 30), 1, [community]);
            done.Cells[0].Report(null, 100, new DateOnly(2019, 6, 1), "test", factory.Clock.GetUtcNow().UtcDateTime);
            db.AddRange(done, new Jishi.Web.Features.Duties.KeyTask(street, 2019, "自动计分二", null, new DateOnly(2019, 6, 30), 2, [community]));
            db.Add(new Jishi.Web.Features.Publicity.PublicityItem(branch, "支部志愿服务见报", "市报", Jishi.Web.Features.Publicity.OutletLevel.City,
                new DateOnly(2019, 3, 1), null, [], "test", factory.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/grading/rounds/{round.Id}/review", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/grading/rounds/{round.Id}/decide", null)).StatusCode);

        var sheet = (await admin.GetFromJsonAsync<SheetRow>($"/api/grading/branches/{own}"))!;
        var keyTasks = sheet.Lines.Single(l => l.Indicator.AutoSource == "key-tasks");
        Assert.Equal(keyTasks.Indicator.FullScore * 0.5m, keyTasks.Street!.Score);
        Assert.StartsWith("自动", keyTasks.Street.Note);
        var publicity = sheet.Lines.Single(l => l.Indicator.AutoSource == "publicity");
        Assert.Equal(Math.Min(2m, publicity.Indicator.FullScore), publicity.Street!.Score);
    }

    [Fact]
    public async Task Round_SelfEvaluationToFinal_GradesPostsAnswersAndFinalizes()
    {
        var (admin, library, round) = await OpenRoundAsync();
        Assert.Equal(30, round.Branches.Count);
        var branch = await factory.ClientForAsync("zb0101");
        var own = await GradingOfAsync(round, "zb0101");

        // The branch scores itself (the automatic items are not its to score) and adds evidence where asked.
        var saved = await branch.PutAsJsonAsync($"/api/grading/branches/{own}/self", new { scores = ScoresOf(library, i => i.Kind == "Basic" ? i.FullScore : 0) });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var missing = await branch.PostAsync($"/api/grading/branches/{own}/submit", null);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        foreach (var indicator in library.Indicators.Where(i => i.EvidenceRequired))
        {
            Assert.Equal(HttpStatusCode.OK, (await UploadAsync(branch, own, indicator.Id, $"{indicator.Item}.pdf", Pdf)).StatusCode);
        }
        var submitted = await (await branch.PostAsync($"/api/grading/branches/{own}/submit", null)).Content.ReadFromJsonAsync<SheetRow>();
        Assert.Equal(("Submitted", false), (submitted!.Status, submitted.CanSelfEvaluate));
        Assert.Equal(HttpStatusCode.Conflict, (await branch.PutAsJsonAsync($"/api/grading/branches/{own}/self",
            new { scores = ScoresOf(library, _ => 0) })).StatusCode);

        // The community trims one score, with its reason, and forwards.
        var meetings = library.Indicators.Single(i => i.Item == "三会一课");
        var community = await factory.ClientForAsync("sq01");
        var noReason = await community.PostAsJsonAsync($"/api/grading/branches/{own}/review",
            new { forward = true, scores = new[] { new { indicatorId = meetings.Id, score = 12m, vetoHit = false, note = (string?)null } } });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var reviewed = await (await community.PostAsJsonAsync($"/api/grading/branches/{own}/review",
            new { forward = true, scores = new[] { new { indicatorId = meetings.Id, score = 12m, vetoHit = false, note = "党小组会记录缺三次" } } }))
            .Content.ReadFromJsonAsync<SheetRow>();
        Assert.Equal("Forwarded", reviewed!.Status);
        var line = reviewed.Lines.Single(l => l.Indicator.Id == meetings.Id);
        Assert.Equal((15m, 12m, 12m), (line.Self!.Score, line.Community!.Score, line.Score!.Value));

        // The street decides every branch (on the others' behalf), imports the 测评分 and posts.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/grading/rounds/{round.Id}/review", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/grading/rounds/{round.Id}/decide", null)).StatusCode);
        var shares = new[] { 1.0m, 0.98m, 0.96m, 0.95m, 0.94m, 0.93m, 0.92m, 0.91m, 0.90m, 0.89m, 0.88m, 0.86m, 0.85m, 0.84m, 0.82m, 0.80m, 0.78m, 0.76m,
            0.75m, 0.74m, 0.72m, 0.70m, 0.68m, 0.66m, 0.64m, 0.62m, 0.60m, 0.58m, 0.55m, 0.50m };
        var others = round.Branches.Where(b => b.GradingId != own).ToList();
        for (var i = 0; i < others.Count; i++)
        {
            var share = shares[i + 1];
            var decided = await admin.PostAsJsonAsync($"/api/grading/branches/{others[i].GradingId}/decide",
                new { evaluationScore = 0m, scores = ScoresOf(library, x => x.Kind == "Basic" ? Math.Round(x.FullScore * share * 2) / 2 : 0, "街道审定") });
            Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        }
        var notReady = await admin.PostAsync($"/api/grading/rounds/{round.Id}/post", null);
        Assert.Equal(HttpStatusCode.Conflict, notReady.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/grading/branches/{own}/decide", new { evaluationScore = 95m })).StatusCode);
        var evaluations = round.Branches.Select((b, i) => new { unitId = b.UnitId, score = 100m * shares[Math.Min(i, shares.Length - 1)] }).ToList();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/grading/rounds/{round.Id}/evaluations", evaluations)).StatusCode);
        var posted = await (await admin.PostAsync($"/api/grading/rounds/{round.Id}/post", null)).Content.ReadFromJsonAsync<RoundRow>();
        Assert.Equal("Posted", posted!.Status);
        Assert.InRange(posted.Branches.Count(b => b.Stars == 5), 1, 9);
        var rectify = Assert.Single(posted.Branches, b => b.Rectify);
        Assert.Equal(("Lagging", posted.Branches.Max(b => b.Rank)), (rectify.Category, rectify.Rank));
        Assert.All(posted.Branches, b => Assert.NotNull(b.LastYear));
        Assert.All(posted.Branches, b => Assert.Equal(2016, b.LastYear!.Year));

        // Anyone sees the 公示 and may object; the round is final after the posting and once every objection is answered.
        var anonymous = factory.CreateClient();
        var posting = (await anonymous.GetFromJsonAsync<PostingRow>($"/api/grading/posting/{round.Id}"))!;
        Assert.Equal((30, true), (posting.Branches.Count, posting.TakesObjections));
        var body = await anonymous.GetStringAsync($"/api/grading/posting/{round.Id}");
        Assert.DoesNotContain("zb0101", body);
        Assert.DoesNotContain("王建华", body);
        var noPhone = await anonymous.PostAsJsonAsync($"/api/grading/posting/{round.Id}/objections",
            new { gradingId = rectify.GradingId, name = "李女士", phone = "", text = "请复核该支部的服务群众得分" });
        Assert.Equal(HttpStatusCode.BadRequest, noPhone.StatusCode);
        var objected = await anonymous.PostAsJsonAsync($"/api/grading/posting/{round.Id}/objections",
            new { gradingId = rectify.GradingId, name = "李女士", phone = "13909318888", text = "请复核该支部的服务群众得分" });
        Assert.Equal(HttpStatusCode.Created, objected.StatusCode);
        var early = await admin.PostAsync($"/api/grading/rounds/{round.Id}/finalize", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await factory.WithDbAsync(db => db.GradingRounds.Where(r => r.Id == round.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.PostingEndsOn, factory.Clock.ServerToday())));
        var unanswered = await admin.PostAsync($"/api/grading/rounds/{round.Id}/finalize", null);
        Assert.Equal(HttpStatusCode.Conflict, unanswered.StatusCode);
        Assert.Contains("1", (await unanswered.Content.ReadFromJsonAsync<ProblemRow>())!.Detail);
        var objections = (await admin.GetFromJsonAsync<List<ObjectionRow>>($"/api/grading/rounds/{round.Id}/objections"))!;
        var objection = Assert.Single(objections);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/grading/objections/{objection.Id}/answer",
            new { answer = "经复核，维持原定级" })).StatusCode);
        var final = await admin.PostAsync($"/api/grading/rounds/{round.Id}/finalize", null);
        Assert.Equal(HttpStatusCode.OK, final.StatusCode);
        Assert.Equal("Final", (await final.Content.ReadFromJsonAsync<RoundRow>())!.Status);
        Assert.Equal(HttpStatusCode.Conflict, (await anonymous.PostAsJsonAsync($"/api/grading/posting/{round.Id}/objections",
            new { gradingId = rectify.GradingId, name = "李女士", phone = "13909318888", text = "再次异议" })).StatusCode);

        // The public query gives the latest published round to other features.
        var latest = await factory.WithDbAsync(async db =>
        {
            using var scope = factory.Services.CreateScope();
            var street = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
            return await scope.ServiceProvider.GetRequiredService<GradingResults>().LatestForStreetAsync(street, CancellationToken.None);
        });
        Assert.Equal((2017, 30), (latest[0].Year, latest.Count));
        Assert.Single(latest, g => g.Rectify);
    }

    [Fact]
    public async Task SelfEvaluate_InvalidScores_Answers400AndKeepsNothing()
    {
        var (_, library, round) = await OpenRoundAsync();
        var branch = await factory.ClientForAsync("zb0102");
        var own = await GradingOfAsync(round, "zb0102");
        var first = library.Indicators.First(i => i.AutoSource is null && !i.IsVeto);
        var auto = library.Indicators.First(i => i.AutoSource is not null);

        var over = await branch.PutAsJsonAsync($"/api/grading/branches/{own}/self",
            new { scores = new[] { new { indicatorId = first.Id, score = first.FullScore + 1, vetoHit = false } } });
        var automatic = await branch.PutAsJsonAsync($"/api/grading/branches/{own}/self",
            new { scores = new[] { new { indicatorId = auto.Id, score = 1m, vetoHit = false } } });
        var badFile = await UploadAsync(branch, own, first.Id, "证明.pdf", "MZ not a pdf"u8.ToArray());

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (over.StatusCode, automatic.StatusCode, badFile.StatusCode));
        var sheet = (await branch.GetFromJsonAsync<SheetRow>($"/api/grading/branches/{own}"))!;
        Assert.All(sheet.Lines, l => Assert.Null(l.Self));
        Assert.All(sheet.Lines, l => Assert.Empty(l.Evidence));
        Assert.True(sheet.CanSelfEvaluate);
        Assert.False(sheet.CanReview);
    }

    [Fact]
    public async Task Scope_OtherBranchOrCommunity_Answers404AndRolesAreKept()
    {
        var (_, library, round) = await OpenRoundAsync();
        var zb0101 = await factory.ClientForAsync("zb0101");
        var sq01 = await factory.ClientForAsync("sq01");
        var sibling = await GradingOfAsync(round, "zb0102");
        var own = await GradingOfAsync(round, "zb0101");
        var sq02Community = await factory.CommunityOfAsync("sq02");
        var foreign = round.Branches.First(b => b.CommunityName == sq02Community.Name).GradingId;

        Assert.Equal(HttpStatusCode.NotFound, (await zb0101.GetAsync($"/api/grading/branches/{sibling}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sq01.GetAsync($"/api/grading/branches/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sq01.GetAsync($"/api/grading/branches/{sibling}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sq01.PostAsJsonAsync($"/api/grading/branches/{own}/decide", new { evaluationScore = 90m })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await zb0101.GetAsync($"/api/grading/rounds/{round.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await zb0101.GetAsync("/api/grading/libraries")).StatusCode);
        // A branch secretary does not review, not even their own branch.
        var scores = ScoresOf(library, i => i.Kind == "Basic" ? i.FullScore : 0);
        Assert.Equal(HttpStatusCode.OK, (await zb0101.PutAsJsonAsync($"/api/grading/branches/{own}/self", new { scores })).StatusCode);
        foreach (var indicator in library.Indicators.Where(i => i.EvidenceRequired))
        {
            (await UploadAsync(zb0101, own, indicator.Id, "记录.pdf", Pdf)).EnsureSuccessStatusCode();
        }
        (await zb0101.PostAsync($"/api/grading/branches/{own}/submit", null)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await zb0101.PostAsJsonAsync($"/api/grading/branches/{own}/review", new { forward = true })).StatusCode);

        var mine = (await zb0101.GetFromJsonAsync<List<LineRow>>("/api/grading/branches"))!;
        Assert.NotEmpty(mine);
        Assert.All(mine, l => Assert.Equal("第一党支部", l.UnitName));
        var community = (await sq01.GetFromJsonAsync<List<LineRow>>("/api/grading/branches"))!;
        Assert.DoesNotContain(community, l => l.CommunityName == sq02Community.Name);
        Assert.Contains(community, l => l.UnitName == "第二党支部");
    }

    [Fact]
    public async Task Demo2016Round_Posted_HasSpreadOneRectifiedAndBenchmark()
    {
        var admin = await factory.ClientForAsync("admin");
        var rounds = (await admin.GetFromJsonAsync<List<RoundSummaryRow>>("/api/grading/rounds"))!;
        var demo = rounds.Single(r => r.Year == 2016);
        var round = (await admin.GetFromJsonAsync<RoundRow>($"/api/grading/rounds/{demo.Id}"))!;

        Assert.Equal(("Posted", 1), (round.Status, round.OpenObjections));
        Assert.Single(round.Branches, b => b.Rectify);
        Assert.InRange(round.Branches.Count(b => b.Category == "Lagging"), 2, 8);
        Assert.InRange(round.Branches.Count(b => b.Stars == 5), 1, 9);
        Assert.Contains(round.Branches, b => b.Category == "Advanced");
        Assert.Contains(round.Branches, b => b.Category == "Average");

        var weakest = round.Branches.Single(b => b.Rectify);
        var benchmark = (await admin.GetFromJsonAsync<BenchmarkRow>($"/api/grading/branches/{weakest.GradingId}/benchmark"))!;
        Assert.Equal(round.Branches.Max(b => b.Total), benchmark.BestTotal);
        Assert.Equal(weakest.Total, benchmark.OwnTotal);
        Assert.All(benchmark.Lines, l => Assert.InRange(l.Median!.Value, 0, l.FullScore));
        Assert.Contains(benchmark.Lines, l => l.Best > l.Own);
        var forBranch = await (await factory.ClientForAsync("zb0101")).GetAsync($"/api/grading/branches/{weakest.GradingId}/benchmark");
        Assert.Equal(HttpStatusCode.NotFound, forBranch.StatusCode);
    }

    [Fact]
    public async Task Objection_ClosedPosting_Answers409()
    {
        var admin = await factory.ClientForAsync("admin");
        var rounds = (await admin.GetFromJsonAsync<List<RoundSummaryRow>>("/api/grading/rounds"))!;
        var closed = rounds.Single(r => r.Year == 2015);
        var posting = (await factory.CreateClient().GetFromJsonAsync<PostingRow>($"/api/grading/posting/{closed.Id}"))!;
        var anonymous = factory.CreateClient();

        var late = await anonymous.PostAsJsonAsync($"/api/grading/posting/{closed.Id}/objections",
            new { gradingId = posting.Branches[0].GradingId, name = "李女士", phone = "13909318888", text = "请复核" });

        Assert.Equal((false, HttpStatusCode.Conflict), (posting.TakesObjections, late.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/grading/posting/{int.MaxValue}")).StatusCode);
    }
}

public sealed record RoundSummaryRow(int Id, int Year, string Status, int Branches, int Decided);

public sealed record ObjectionRow(int Id, int GradingId, string Name, string Text, string? Answer);
