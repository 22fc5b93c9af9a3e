using System.Collections;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Jishi.IntegrationTests.Authorization;

/// <summary>The ids a request is filled with: one of each resource, all inside one community.</summary>
public sealed record CommunityIds(int Community, int Branch, int Member, int Account, int Review, int Rectification, int Entry,
    int Subject = 0, int Problem = 0, int EvidenceFile = 0, int Meeting = 0, int Pledge = 0, int Posting = 0, int Objection = 0,
    int Shop = 0, int Goods = 0, int Redemption = 0, int Wish = 0, int WishPhoto = 0,
    int Venue = 0, int Activity = 0, int Signup = 0, int Volunteer = 0,
    int Evaluation = 0, int EvaluationParticipant = 0,
    int KeyTask = 0, int KeyTaskCell = 0, int KeyTaskEvidence = 0, int DutyList = 0, int Publicity = 0,
    int TurnaroundPlan = 0, int Milestone = 0, int Progress = 0, int Attachment = 0,
    int Grading = 0, int GradingEvidence = 0, int Indicator = 0,
    int GradingRound = 0, int Library = 0, int RuleSet = 0, int VoterGroup = 0, int GradingObjection = 0, int Street = 0,
    long DuesPayment = 0)
{
    /// <summary>The id of the resource a parameter names ("unit" for unitId or /units/{id}), or null when unknown.</summary>
    public int? For(string resource) => resource.ToLowerInvariant() switch
    {
        "unit" or "tounit" or "fromunit" => Branch,
        "parent" => Community,
        "member" or "payermember" => Member,
        "account" or "user" or "leaderuser" => Account,
        // Campaigns belong to the street: no community secretary may reach one, whoever's id it is.
        "review" => Review,
        // A trustee of a campaign: the demo names none (its campaigns' keys are the server's), so 0 names nothing.
        "trustee" => 0,
        "rectification" => Rectification,
        // The community's subject in that campaign, an item of its 述职报告 and a file of its 整改 task.
        "subject" => Subject,
        "problem" => Problem,
        "file" => EvidenceFile,
        // A points ledger entry of one of the community's members.
        "entry" => Entry,
        // A 三会一课 meeting of one of the community's units (the demo records some for the first two communities).
        "meeting" => Meeting,
        // A pledge of one of its members, a 公示 of the community and an objection in it.
        "pledge" => Pledge,
        "posting" => Posting,
        "objection" => Objection,
        // The community's demo 爱心超市, goods of it and a redemption there.
        "shop" => Shop,
        "goods" => Goods,
        "redemption" => Redemption,
        // A 微心愿 of the community and a picture of it ("wishes" singularizes to "wishe").
        "wish" or "wishe" => Wish,
        "photo" => WishPhoto,
        // A service venue, a volunteer activity, a sign-up of it and a registered resident volunteer of the community.
        "venue" => Venue,
        "activity" => Activity,
        "signup" => Signup,
        "volunteer" => Volunteer,
        // A 民主评议党员 round of one of the community's branches and a member taking part in it.
        "member-evaluation" => Evaluation,
        "participant" => EvaluationParticipant,
        // 重点任务 (the street's), a community's cell of one and its evidence; 责任清单; 宣传报道.
        "key-task" => KeyTask,
        "cell" => KeyTaskCell,
        "cellevidence" => KeyTaskEvidence,
        "duty" => DutyList,
        "publicity" => Publicity,
        // A 后进转化 plan of a branch of the community, its milestone, a progress entry and an evidence file of the milestone.
        "plan" => TurnaroundPlan,
        "milestone" => Milestone,
        "progress" => Progress,
        "attachment" => Attachment,
        // A branch's grading in the demo's 2016 round, an evidence file of it and an indicator of that round's library.
        "grading" => Grading,
        "evidence" => GradingEvidence,
        "indicator" => Indicator,
        // What the street owns as a whole (a community's in the body of a street-wide request): the 2016 grading round, its
        // indicator library, the street's points rule set, a voter group of the campaign; and an objection to a branch's grading.
        "community" => Community,
        "street" => Street,
        "round" => GradingRound,
        "library" or "copyfrom" => Library,
        "ruleset" => RuleSet,
        "votergroup" => VoterGroup,
        // Paper ballots rate the campaign as a whole when it has no rating dimensions.
        "dimension" => 0,
        "gradingobjection" => GradingObjection,
        // A dues payment of one of the community's members.
        "payment" => (int)DuesPayment,
        _ => null,
    };
}

/// <summary>One protected API endpoint as the app's EndpointDataSource lists it, with what its handler binds, so that a
/// test can call it with ids of its choice without knowing the endpoint in advance.</summary>
public sealed partial class ApiEndpoint
{
    private const string SampleText = "Matrix-Test-2016";

    private readonly List<(string Name, Type Type, Source From)> _parameters = [];

    private enum Source { Route, Query, Body, Form }

    private ApiEndpoint(RouteEndpoint endpoint, string method, IServiceProviderIsService services)
    {
        Method = method;
        Pattern = (endpoint.RoutePattern.RawText ?? "").TrimEnd('/');
        IsPublic = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        Policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy ?? a.Roles).Where(p => !string.IsNullOrEmpty(p)).Select(p => p!).ToList();
        var routeNames = endpoint.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var p in endpoint.RoutePattern.Parameters)
        {
            _parameters.Add((p.Name, IsId(p.Name, typeof(int)) ? typeof(int) : typeof(string), Source.Route));
        }
        foreach (var p in endpoint.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
        {
            AddParameter(p, p.Name!, p.ParameterType, routeNames, services);
        }
        // A handler that reads the upload itself only declares it; API.md names the field "file".
        if (endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true
            && !_parameters.Any(p => p.From == Source.Form))
        {
            _parameters.Add(("file", typeof(IFormFile), Source.Form));
        }
    }

    public string Method { get; }
    public string Pattern { get; }

    /// <summary>The policies and roles the endpoint demands beyond a signed-in user (empty for any signed-in user).</summary>
    public IReadOnlyList<string> Policies { get; }

    /// <summary>Whether the endpoint answers anonymous callers ([AllowAnonymous]).</summary>
    public bool IsPublic { get; }

    public override string ToString() => $"{Method} {Pattern}";

    /// <summary>Every endpoint under /api that needs a signed-in caller, once per HTTP method.</summary>
    public static IEnumerable<ApiEndpoint> Protected(IServiceProvider services) => All(services).Where(e => !e.IsPublic);

    /// <summary>Every endpoint under /api, public ones included, once per HTTP method.</summary>
    public static IEnumerable<ApiEndpoint> All(IServiceProvider services)
    {
        var isService = services.GetRequiredService<IServiceProviderIsService>();
        return services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => new ApiEndpoint(e, m, isService)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal);
    }

    /// <summary>Every endpoint under /api that anyone may call without signing in (ballots, wishes, token issue), once per
    /// HTTP method: the abuse corpus sends them bad input too.</summary>
    public static IEnumerable<ApiEndpoint> Open(IServiceProvider services) => All(services).Where(e => e.IsPublic);

    private void AddParameter(ParameterInfo info, string name, Type type, HashSet<string> routeNames, IServiceProviderIsService services)
    {
        if (routeNames.Contains(name) || IsInfrastructure(type) || info.IsDefined(typeof(Microsoft.AspNetCore.Mvc.FromServicesAttribute))
            || services.IsService(type))
        {
            return;
        }
        if (info.IsDefined(typeof(AsParametersAttribute)))
        {
            foreach (var p in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters())
            {
                AddParameter(p, p.Name!, p.ParameterType, routeNames, services);
            }
            return;
        }
        if (typeof(IFormFile).IsAssignableFrom(type) || typeof(IFormFileCollection).IsAssignableFrom(type) || type == typeof(IFormCollection))
        {
            _parameters.Add((name, type, Source.Form));
            return;
        }
        _parameters.Add((name, type, IsSimple(type) ? Source.Query : Source.Body));
    }

    /// <summary>Whether the request carries at least one id (route, query, body or form).</summary>
    public bool TakesIds => _parameters.Any(p => p.From == Source.Body ? BodyHasIds(p.Type, 0) : IsId(p.Name, p.Type));

    /// <summary>The request with every id taken from <paramref name="ids"/> and plausible values elsewhere; resources
    /// the ids do not cover are added to <paramref name="unknown"/>.</summary>
    public HttpRequestMessage BuildRequest(CommunityIds ids, List<string> unknown) => BuildRequest(ids, unknown, new HashSet<string>());

    /// <summary>As <see cref="BuildRequest(CommunityIds, List{string})"/>, adding to <paramref name="resources"/> the
    /// resources the request's ids name ("unit", "shop", …).</summary>
    public HttpRequestMessage BuildRequest(CommunityIds ids, List<string> unknown, ISet<string> resources)
    {
        int IdFor(string name)
        {
            var resource = name.Equals("id", StringComparison.OrdinalIgnoreCase) ? ResourceOfId() : name[..^2];
            resources.Add(resource.ToLowerInvariant());
            if (ids.For(resource) is { } id)
            {
                return id;
            }
            unknown.Add($"{this}: parameter '{name}' names a '{resource}'; add to CommunityIds.For which {resource} belongs to a community");
            return 1;
        }

        var path = RouteParameter().Replace(Pattern, m => Uri.EscapeDataString(
            Convert.ToString(SimpleValue(m.Groups[1].Value, IsId(m.Groups[1].Value, typeof(int)) ? typeof(int) : typeof(string), IdFor),
                System.Globalization.CultureInfo.InvariantCulture)!));
        var query = _parameters.Where(p => p.From == Source.Query)
            .Select(p => $"{p.Name}={Uri.EscapeDataString(SimpleValue(p.Name, p.Type, IdFor)?.ToString() ?? "")}").ToList();
        var request = new HttpRequestMessage(new HttpMethod(Method), query.Count == 0 ? path : path + "?" + string.Join("&", query));
        if (_parameters.FirstOrDefault(p => p.From == Source.Body) is { Name: not null } body)
        {
            request.Content = JsonContent.Create(Value(body.Name, body.Type, IdFor, 0));
        }
        else if (_parameters.Any(p => p.From == Source.Form))
        {
            var form = new MultipartFormDataContent();
            foreach (var p in _parameters.Where(p => p.From == Source.Form))
            {
                form.Add(new ByteArrayContent("not a spreadsheet"u8.ToArray()), p.Name, "matrix.xlsx");
            }
            foreach (var p in _parameters.Where(p => p.From == Source.Query))
            {
                form.Add(new StringContent(SimpleValue(p.Name, p.Type, IdFor)?.ToString() ?? ""), p.Name);
            }
            request.Content = form;
        }
        return request;
    }

    /// <summary>"/api/members/{id}/transfers" → "member": the collection the id is an element of.</summary>
    private string ResourceOfId()
    {
        var segments = Pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.FindIndex(segments, s => s.StartsWith("{id", StringComparison.OrdinalIgnoreCase));
        var collection = index > 0 ? segments[index - 1] : segments.Length > 1 ? segments[1] : "";
        return collection.EndsWith("ies", StringComparison.Ordinal) ? collection[..^3] + "y"
            : collection.EndsWith('s') ? collection[..^1] : collection;
    }

    private static bool IsId(string name, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return (t == typeof(int) || t == typeof(long)) && (name.Equals("id", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Id", StringComparison.Ordinal));
    }

    private static object? SimpleValue(string name, Type type, Func<string, int> idFor)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (IsId(name, t))
        {
            return idFor(name);
        }
        return t switch
        {
            _ when t == typeof(string) => name.Equals("role", StringComparison.OrdinalIgnoreCase) ? "Member" : SampleText,
            _ when t == typeof(bool) => false,
            _ when t.IsEnum => Enum.GetNames(t)[^1],
            _ when t == typeof(DateOnly) => "2016-02-13",
            _ when t == typeof(DateTime) || t == typeof(DateTimeOffset) => "2016-02-13T00:00:00Z",
            _ when t == typeof(TimeOnly) => "08:00:00",
            _ when t == typeof(Guid) => Guid.Empty,
            _ => name.Equals("year", StringComparison.OrdinalIgnoreCase) ? 2016 : 1,
        };
    }

    private static JsonNode? Value(string name, Type type, Func<string, int> idFor, int depth)
    {
        if (IsSimple(type))
        {
            return JsonSerializer.SerializeToNode(SimpleValue(name, type, idFor));
        }
        if (IsDictionary(type))
        {
            return new JsonObject();
        }
        if (ElementType(type) is { } element)
        {
            return depth > 3 ? new JsonArray() : new JsonArray(Value(name.TrimEnd('s'), element, idFor, depth + 1));
        }
        var obj = new JsonObject();
        if (depth <= 3)
        {
            foreach (var (propertyName, propertyType) in Members(type))
            {
                obj[JsonNamingPolicy.CamelCase.ConvertName(propertyName)] = Value(propertyName, propertyType, idFor, depth + 1);
            }
        }
        return obj;
    }

    private static bool BodyHasIds(Type type, int depth) =>
        depth <= 3 && (ElementType(type) is { } element ? BodyHasIds(element, depth + 1)
            : !IsSimple(type) && Members(type).Any(m => IsId(m.Name, m.Type) || BodyHasIds(m.Type, depth + 1)));

    private static IEnumerable<(string Name, Type Type)> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => (p.Name, p.PropertyType));

    private static Type? ElementType(Type type) =>
        type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static bool IsDictionary(Type type) =>
        type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
            || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid);
    }

    private static bool IsInfrastructure(Type type) =>
        type == typeof(CancellationToken) || type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse)
        || type == typeof(ClaimsPrincipal) || type == typeof(Stream) || type == typeof(System.IO.Pipelines.PipeReader);

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteParameter();
}
