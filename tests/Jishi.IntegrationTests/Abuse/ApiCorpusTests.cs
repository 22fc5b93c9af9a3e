using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Jishi.IntegrationTests.Authorization;
using Jishi.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Jishi.IntegrationTests.Abuse;

/// <summary>Issue 6's abuse corpus against every API endpoint, found in the route table like the authorization matrix:
/// each endpoint that reads a JSON body gets malformed and mistyped bodies and every text, number and date of the corpus in
/// its fields; each upload gets bombs, non-files and hostile names; each list gets out-of-range query strings. None may
/// answer 5xx, a refusal is a Chinese ProblemDetails, and a refused request leaves every table as it was.</summary>
[Trait(Suites.Key, Suites.Abuse)]
[Collection(AbuseCollection.Name)]
public sealed class ApiCorpusTests(JishiFactory factory, ITestOutputHelper output)
{
    private sealed record Case(ApiEndpoint Endpoint, bool Open, HttpRequestMessage Sample);

    private async Task<(List<Case> Cases, Func<ApiEndpoint, bool, HttpClient> Caller)> CasesAsync()
    {
        _ = factory.Server;
        var ids = await AbuseHost.IdsAsync(factory);
        var caller = await AbuseHost.CallersAsync(factory, ids.Community);
        var cases = ApiEndpoint.Protected(factory.Services).Select(e => (e, false))
            .Concat(ApiEndpoint.Open(factory.Services).Select(e => (e, true)))
            .Select(p => new Case(p.Item1, p.Item2, p.Item1.BuildRequest(ids, [])))
            .ToList();
        Assert.Contains(cases, c => c.Endpoint.ToString() == "POST /api/members" && c.Sample.Content is JsonContent);
        Assert.Contains(cases, c => c.Endpoint.ToString() == "POST /api/auth/token" && c.Open);
        Assert.Contains(cases, c => c.Sample.Content is MultipartFormDataContent);
        return (cases, caller);
    }

    /// <summary>Sends <paramref name="request"/> and adds to <paramref name="failures"/> what is wrong with the answer,
    /// comparing the tables after a refusal with <paramref name="before"/>; returns the fingerprint now.</summary>
    private async Task<string> CheckAsync(HttpClient client, HttpRequestMessage request, string what, string before, List<string> failures)
    {
        var status = await SendAsync(client, request, what, failures);
        var after = await AbuseHost.FingerprintAsync(factory);
        if (status >= 400 && after != before)
        {
            failures.Add($"{what} answered {status} but changed the tables");
        }
        return after;
    }

    /// <summary>Sends <paramref name="request"/>, adds to <paramref name="failures"/> what is wrong with the answer and
    /// returns its status (0 when it did not come).</summary>
    private async Task<int> SendAsync(HttpClient client, HttpRequestMessage request, string what, List<string> failures)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            failures.Add($"{what} did not answer within 30 s");
            return 0;
        }
        using var _ = response;
        if (clock.Elapsed > TimeSpan.FromSeconds(2))
        {
            output.WriteLine($"{what}: {(int)response.StatusCode} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        if (await AbuseHost.ProblemWithAsync(response) is { } problem)
        {
            failures.Add($"{what} {problem}");
        }
        // An upload that is taken keeps its name without the folders it claimed.
        if (request.Content is MultipartFormDataContent && response.IsSuccessStatusCode
            && (await response.Content.ReadAsStringAsync()) is var stored && (stored.Contains("../", StringComparison.Ordinal) || stored.Contains(@"..\\", StringComparison.Ordinal)))
        {
            failures.Add($"{what} kept a path in a file name");
        }
        return (int)response.StatusCode;
    }

    [Fact]
    public async Task BodyEndpoints_Corpus_NoServerErrorChineseRefusalsNothingStoredHalf()
    {
        var (cases, caller) = await CasesAsync();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var fingerprint = await AbuseHost.FingerprintAsync(factory);
        foreach (var c in cases.Where(c => c.Sample.Content is JsonContent))
        {
            var sample = (JsonNode?)((JsonContent)c.Sample.Content!).Value;
            foreach (var (name, json) in Corpus.Variants(sample))
            {
                var request = new HttpRequestMessage(c.Sample.Method, c.Sample.RequestUri)
                {
                    Content = new StringContent(json, new MediaTypeHeaderValue("application/json")),
                };
                fingerprint = await CheckAsync(caller(c.Endpoint, c.Open), request, $"{c.Endpoint} [{name}]", fingerprint, failures);
                sent++;
            }
        }
        output.WriteLine($"{sent} bodies in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task UploadEndpoints_BadFiles_NoServerErrorChineseRefusalsNothingStored()
    {
        var (cases, caller) = await CasesAsync();
        var failures = new List<string>();
        var fingerprint = await AbuseHost.FingerprintAsync(factory);
        var clock = Stopwatch.StartNew();
        foreach (var c in cases.Where(c => c.Sample.Content is MultipartFormDataContent))
        {
            var parts = ((MultipartFormDataContent)c.Sample.Content!).ToList();
            foreach (var (name, fileName, content) in Corpus.Files())
            {
                var form = new MultipartFormDataContent();
                foreach (var part in parts)
                {
                    if (part.Headers.ContentDisposition?.FileName is not null)
                    {
                        form.Add(new ByteArrayContent(content), part.Headers.ContentDisposition.Name!.Trim('"'), fileName);
                    }
                    else
                    {
                        form.Add(new StringContent(await part.ReadAsStringAsync()), part.Headers.ContentDisposition!.Name!.Trim('"'));
                    }
                }
                var request = new HttpRequestMessage(c.Sample.Method, c.Sample.RequestUri) { Content = form };
                fingerprint = await CheckAsync(caller(c.Endpoint, c.Open), request, $"{c.Endpoint} [{name}]", fingerprint, failures);
            }
        }
        output.WriteLine($"uploads in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Endpoints_BadQueryStrings_NoServerErrorChineseRefusals()
    {
        var (cases, caller) = await CasesAsync();
        var failures = new List<string>();
        var tried = 0;
        // A server-sent event stream answers for as long as the client listens, whatever the query.
        foreach (var c in cases.Where(c => c.Sample.Method == HttpMethod.Get && !c.Endpoint.Pattern.EndsWith("/stream", StringComparison.Ordinal)))
        {
            var uri = c.Sample.RequestUri!.OriginalString;
            var query = uri.Contains('?') ? uri[(uri.IndexOf('?') + 1)..].Split('&').Select(p => p.Split('=', 2)).ToList() : [];
            var path = uri.Split('?')[0];
            // Every list takes paging and most take a year, declared or not: the corpus sends them all.
            var names = query.Select(q => q[0]).Concat(["page", "pageSize", "year"]).Distinct(StringComparer.OrdinalIgnoreCase);
            // Reads change nothing, except that an export may be audited: the tables are compared once per endpoint, when
            // every request to it was refused.
            var before = await AbuseHost.FingerprintAsync(factory);
            var statuses = new List<int>();
            foreach (var name in names.Where(Corpus.QueryValues.ContainsKey))
            {
                foreach (var value in Corpus.QueryValues[name])
                {
                    var others = query.Where(q => !q[0].Equals(name, StringComparison.OrdinalIgnoreCase)).Select(q => $"{q[0]}={q[1]}");
                    var url = $"{path}?{string.Join("&", others.Append($"{name}={Uri.EscapeDataString(value)}"))}";
                    statuses.Add(await SendAsync(caller(c.Endpoint, c.Open), new HttpRequestMessage(HttpMethod.Get, url), $"GET {url}", failures));
                    tried++;
                }
            }
            if (statuses.All(s => s >= 400) && await AbuseHost.FingerprintAsync(factory) != before)
            {
                failures.Add($"{c.Endpoint} refused every bad query string but changed the tables");
            }
        }
        Assert.True(tried > 50, $"only {tried} query strings tried");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
