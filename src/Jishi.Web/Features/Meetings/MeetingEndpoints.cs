using System.Globalization;
using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared.Excel;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Meetings;

/// <summary>三会一课: /api/meetings. Recording and correcting is the work of the branch secretary and above, within their subtree.</summary>
public static class MeetingEndpoints
{
    public static IServiceCollection AddMeetings(this IServiceCollection services) =>
        services.AddScoped<RecordMeeting>().AddScoped<MeetingPosting>().AddScoped<MeetingQueries>().AddScoped<AttendanceSheet>()
            .AddScoped<MeetingsDemo>().AddKeyedSingleton<Shared.Data.WriteGate>(RecordMeeting.GateKey);

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app)
    {
        var meetings = app.MapGroup("/api/meetings").WithTags("Meetings").RequireAuthorization(Policies.OrgManager);
        meetings.MapPost("", async (MeetingRequest request, RecordMeeting handler, CancellationToken ct) =>
                (await handler.RecordAsync(request, ct)).ToHttp(Saved))
            .Produces<MeetingSaved>(201).Produces<MeetingSaved>().ProducesValidationProblem();
        meetings.MapGet("", async ([AsParameters] MeetingQueries.ListRequest request, MeetingQueries q, CancellationToken ct) =>
                (await q.ListAsync(request, ct)).ToHttp(TypedResults.Ok));
        meetings.MapGet("/{id:int}", async (int id, MeetingQueries q, CancellationToken ct) =>
                (await q.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        meetings.MapPut("/{id:int}/attendance", async (int id, AttendanceRequest request, RecordMeeting handler, CancellationToken ct) =>
                (await handler.CorrectAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        meetings.MapGet("/attendance-template", async (int? unitId, AttendanceSheet sheet, CancellationToken ct) =>
                (await sheet.TemplateAsync(unitId, ct)).ToHttp(f => f.ToHttp()))
            .Produces(StatusCodes.Status200OK, contentType: ExcelFile.ContentType);
        // Multipart: the sheet as "file" and the meeting as form fields (unitId may also come in the query). Read by hand,
        // like the roster import, so a missing or oversized upload gets the same Chinese error list as a bad sheet.
        meetings.MapPost("/import", (HttpRequest request, int? unitId, AttendanceSheet sheet, CancellationToken ct) =>
                ExcelUploadEndpoints.ImportAsync(request, file =>
                {
                    var form = request.Form;
                    var meeting = new MeetingRequest(unitId ?? Number(form["unitId"]), Enum.TryParse<MeetingType>(form["type"], out var type) ? type : null,
                        DateOnly.TryParse(form["date"], CultureInfo.InvariantCulture, out var date) ? date : null, form["topic"], null);
                    return sheet.ImportAsync(file, meeting, ct);
                }, Saved, ct))
            .AcceptsWorkbook()
            .Produces<MeetingSaved>(201).Produces<MeetingSaved>();
        return app;
    }

    private static IResult Saved(MeetingSaved s) =>
        s.Created ? TypedResults.Created($"/api/meetings/{s.MeetingId}", s) : TypedResults.Ok(s);

    private static int? Number(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
