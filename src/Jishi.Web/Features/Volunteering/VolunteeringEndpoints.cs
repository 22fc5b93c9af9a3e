using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Volunteering;

public static class VolunteeringEndpoints
{
    public static IServiceCollection AddVolunteering(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<VolunteeringOptions>(config.GetSection(VolunteeringOptions.Section));
        return services.AddScoped<VenueQueries>().AddScoped<SaveVenue>().AddScoped<VolunteerRegistry>()
            .AddScoped<Places>().AddScoped<ActivityQueries>().AddScoped<SaveActivity>().AddScoped<CancelActivity>()
            .AddScoped<SignUp>().AddScoped<WithdrawSignup>().AddScoped<RollCall>().AddScoped<ConfirmHours>()
            .AddScoped<CheckInDesk>().AddSingleton<DeskCookie>().AddScoped<ServiceHours>().AddScoped<VolunteeringDemo>();
    }

    public static IEndpointRouteBuilder MapVolunteering(this IEndpointRouteBuilder app)
    {
        var venues = app.MapGroup("/api/venues").WithTags("Venues").RequireAuthorization(Policies.OrgManager);
        venues.MapGet("", async (int? unitId, VenueQueries queries,
            CancellationToken ct) => (await queries.ListAsync(unitId, ct)).ToHttp(TypedResults.Ok));
        venues.MapGet("/types", (VenueQueries queries) => TypedResults.Ok(queries.Types));
        venues.MapGet("/{id:int}", async (int id, VenueQueries queries,
            CancellationToken ct) => (await queries.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        venues.MapPost("", async (SaveVenue.Request request, SaveVenue handler,
                CancellationToken ct) => (await handler.CreateAsync(request, ct))
                .ToHttp(v => TypedResults.Created($"/api/venues/{v.Id}", v)));
        venues.MapPut("/{id:int}", async (int id, SaveVenue.Request request, SaveVenue handler, CancellationToken ct) =>
            (await handler.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok));

        var volunteers = app.MapGroup("/api/volunteers").WithTags("Volunteers").RequireAuthorization(Policies.OrgManager);
        volunteers.MapGet("", async (int? unitId, VolunteerRegistry registry, CancellationToken ct) =>
            (await registry.ListAsync(unitId, ct)).ToHttp(TypedResults.Ok));
        volunteers.MapGet("/{id:int}", async (int id, VolunteerRegistry registry, CancellationToken ct) =>
            (await registry.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        volunteers.MapPost("", async (VolunteerRegistry.SaveRequest request, VolunteerRegistry registry, CancellationToken ct) =>
                (await registry.CreateAsync(request, ct)).ToHttp(v => TypedResults.Created($"/api/volunteers/{v.Id}", v)));
        volunteers.MapPut("/{id:int}", async (int id, VolunteerRegistry.SaveRequest request, VolunteerRegistry registry, CancellationToken ct) =>
            (await registry.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        volunteers.MapGet("/{id:int}/hours", async (int id, int? year, ServiceHours hours, CancellationToken ct) =>
            (await hours.OfAsync(PersonKind.Volunteer, id, year, ct)).ToHttp(TypedResults.Ok));
        volunteers.MapGet("/{id:int}/certificate", async (int id, int year, ServiceHours hours, CancellationToken ct) =>
            (await hours.CertificateAsync(PersonKind.Volunteer, id, year, ct)).ToHttp(TypedResults.Ok));

        var members = app.MapGroup("/api/members").WithTags("Volunteering").RequireAuthorization(Policies.OrgManager);
        members.MapGet("/{id:int}/volunteer-hours", async (int id, int? year, ServiceHours hours, CancellationToken ct) =>
            (await hours.OfAsync(PersonKind.Member, id, year, ct)).ToHttp(TypedResults.Ok));
        members.MapGet("/{id:int}/volunteer-certificate", async (int id, int year, ServiceHours hours, CancellationToken ct) =>
            (await hours.CertificateAsync(PersonKind.Member, id, year, ct)).ToHttp(TypedResults.Ok));

        var activities = app.MapGroup("/api/activities").WithTags("Activities").RequireAuthorization(Policies.OrgManager);
        activities.MapGet("", async ([AsParameters] ActivityQueries.ListRequest request, ActivityQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(request, ct)).ToHttp(TypedResults.Ok));
        activities.MapGet("/{id:int}", async (int id, ActivityQueries queries,
            CancellationToken ct) => (await queries.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        activities.MapPost("", async (SaveActivity.Request request, SaveActivity handler, CancellationToken ct) => (await handler.CreateAsync(request, ct))
                .ToHttp(a => TypedResults.Created($"/api/activities/{a.Activity.Id}", a)));
        activities.MapPut("/{id:int}", async (int id, SaveActivity.Request request, SaveActivity handler, CancellationToken ct) =>
            (await handler.UpdateAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        activities.MapPost("/{id:int}/cancel", async (int id, CancelActivity handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, ct)).ToHttp(TypedResults.Ok));
        activities.MapPost("/{id:int}/signups", async (int id, SignUp.Request request, SignUp handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        activities.MapDelete("/{id:int}/signups/{signupId:int}", async (int id, int signupId, WithdrawSignup handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, signupId, ct)).ToHttp(TypedResults.Ok));
        activities.MapPost("/{id:int}/signups/{signupId:int}/check-in", async (int id, int signupId, RollCall handler, CancellationToken ct) =>
            (await handler.CheckInAsync(id, signupId, ct)).ToHttp(TypedResults.Ok));
        activities.MapPost("/{id:int}/signups/{signupId:int}/check-out", async (int id, int signupId, RollCall handler, CancellationToken ct) =>
            (await handler.CheckOutAsync(id, signupId, ct)).ToHttp(TypedResults.Ok));
        activities.MapPut("/{id:int}/signups/{signupId:int}/hours", async (int id, int signupId,
                RollCall.HoursRequest request, RollCall handler,
                CancellationToken ct) =>
            (await handler.SetHoursAsync(id, signupId, request, ct)).ToHttp(TypedResults.Ok));
        activities.MapPost("/{id:int}/confirm", async (int id, ConfirmHours.Request request, ConfirmHours handler, CancellationToken ct) =>
            (await handler.HandleAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        activities.MapGet("/{id:int}/qr.svg", async (int id, HttpRequest http, ActivityQueries queries,
                Reviews.BallotLinks links, CancellationToken ct) =>
            (await queries.GetAsync(id, ct)).Value is { } detail
                ? Results.Content(Reviews.BallotLinks.QrSvg(CheckInUrl(links.BaseUrl(http), detail.Activity.Secret)),
                    "image/svg+xml")
                : Results.NotFound());
        return app;
    }

    public static string CheckInUrl(string baseUrl, string secret) => $"{baseUrl}/v/{secret}";
}
