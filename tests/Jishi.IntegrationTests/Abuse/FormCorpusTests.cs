using System.Net;
using System.Text.RegularExpressions;
using Jishi.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jishi.IntegrationTests.Abuse;

/// <summary>The server-rendered forms anyone can reach (login, 微心愿 submission and tracking, phone ballot, 民主评议 ballot,
/// volunteer check-in, grading objection), posted with their antiforgery token and every text of the corpus in every text
/// field, an impossible value in every list, and a 100,000-character text: none answers 5xx, the page comes back in Chinese,
/// and no posted markup comes back as markup.</summary>
[Trait(Suites.Key, Suites.Abuse)]
[Collection(AbuseCollection.Name)]
public sealed partial class FormCorpusTests(JishiFactory factory)
{
    private sealed record Form(string Action, bool Multipart, List<(string Name, string Value, string Kind)> Fields);

    /// <summary>The first post form of <paramref name="html"/>: its fields with their values, of kind text, hidden or select.</summary>
    private static Form? FormOf(string html, string path)
    {
        if (FormTag().Match(html) is not { Success: true } form)
        {
            return null;
        }
        var body = form.Groups[2].Value;
        var fields = new List<(string, string, string)>();
        foreach (Match input in InputTag().Matches(body))
        {
            var type = Attribute(input.Value, "type") ?? "text";
            if (Attribute(input.Value, "name") is { } name && type is not ("file" or "submit" or "button" or "checkbox" or "radio"))
            {
                fields.Add((name, WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? ""), type == "hidden" ? "hidden" : "text"));
            }
            else if (Attribute(input.Value, "name") is { } choice && type is "checkbox" or "radio")
            {
                fields.Add((choice, WebUtility.HtmlDecode(Attribute(input.Value, "value") ?? "on"), "select"));
            }
        }
        fields.AddRange(TextareaTag().Matches(body).Select(m => (m.Groups[1].Value, "", "text")));
        fields.AddRange(SelectTag().Matches(body).Select(m => (m.Groups[1].Value, OptionValue().Match(m.Groups[2].Value).Groups[1].Value, "select")));
        var action = Attribute(form.Groups[1].Value, "action") is { Length: > 0 } a ? WebUtility.HtmlDecode(a) : path;
        return new Form(action, form.Groups[1].Value.Contains("multipart", StringComparison.Ordinal), fields);
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"") is { Success: true } m ? m.Groups[1].Value : null;

    private static HttpContent Content(Form form, Func<(string Name, string Value, string Kind), string> value)
    {
        var pairs = form.Fields.Select(f => new KeyValuePair<string, string>(f.Name, value(f))).ToList();
        if (!form.Multipart)
        {
            return new FormUrlEncodedContent(pairs);
        }
        var multipart = new MultipartFormDataContent();
        foreach (var (name, v) in pairs)
        {
            multipart.Add(new StringContent(v), name);
        }
        return multipart;
    }

    private async Task<List<string>> PagesAsync()
    {
        var community = await factory.CommunityOfAsync("sq01");
        var (secret, round) = await factory.WithDbAsync(async db => (
            await db.VolunteerActivities.OrderBy(a => a.Id).Select(a => a.Secret).FirstAsync(),
            await db.GradingRounds.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync()));
        var admin = await factory.ClientForAsync("admin");
        var wish = await admin.PostAsync("/api/wishes/public", System.Net.Http.Json.JsonContent.Create(new { unitId = community.Id, name = "张三", phone = "13900000002", text = "想要一台轮椅" }));
        var code = System.Text.Json.JsonDocument.Parse(await wish.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString();
        // The ballot pages take a code that is not issued: their form is posted anyway, with the antiforgery token of the
        // login page, so that the code's refusal is what answers.
        return ["/login", "/wish/new", $"/wish/t/{code}", $"/v/{secret}", $"/grading/{round}/posting", "/ballot/abcdefghijkmnpqr", "/mpe/abcdefghijkmnpqr"];
    }

    [Fact]
    public async Task PublicForms_Corpus_NoServerErrorChineseAnswerNoMarkupBack()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var login = FormOf(await client.GetStringAsync("/login"), "/login")!;
        var token = login.Fields.Single(f => f.Name == "__RequestVerificationToken").Value;
        var failures = new List<string>();
        var posted = 0;
        foreach (var page in await PagesAsync())
        {
            using var get = await client.GetAsync(page);
            var html = await get.Content.ReadAsStringAsync();
            if ((int)get.StatusCode >= 500)
            {
                failures.Add($"GET {page} answered {(int)get.StatusCode}");
                continue;
            }
            var form = FormOf(html, page) ?? new Form(page, false,
                [("_handler", page.Split('/')[1] == "mpe" ? "mpe" : "ballot", "hidden"), ("__RequestVerificationToken", token, "hidden"), ("comment", "", "text")]);
            var variants = Corpus.Texts.Select(t => (Name: t, Text: t, Choice: (string?)null))
                .Append(("100,000 characters", new string('长', 100_000), null))
                .Append(("impossible choice", "张三", "2147483648"))
                .Append(("negative choice", "张三", "-1"));
            foreach (var (name, text, choice) in variants)
            {
                using var response = await client.PostAsync(form.Action, Content(form, f => f.Kind switch
                {
                    "hidden" => f.Value,
                    "select" => choice ?? f.Value,
                    _ => text,
                }));
                posted++;
                var answer = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"POST {form.Action} [{name}] answered {(int)response.StatusCode}");
                }
                else if (response.StatusCode == HttpStatusCode.OK && !Corpus.IsChinese(answer))
                {
                    failures.Add($"POST {form.Action} [{name}] answered without Chinese");
                }
                else if (answer.Contains(Corpus.Script, StringComparison.OrdinalIgnoreCase) || answer.Contains("<img src=x", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"POST {form.Action} [{name}] shows the posted markup as markup");
                }
            }
        }
        Assert.True(posted >= 7 * 12, $"only {posted} forms posted");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [GeneratedRegex("<form\\b([^>]*method=\"post\"[^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormTag();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex TextareaTag();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex SelectTag();

    [GeneratedRegex("<option\\b[^>]*value=\"([^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex OptionValue();
}
