using Jishi.Web.Features.Accounts;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Volunteering;

public static class VolunteeringEndpoints
{
    public static IServiceCollection AddVolunteering(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<VolunteeringOptions>(config.GetSection(VolunteeringOptions.Section));
        return services.AddScoped<VenueBook>().AddScoped<VolunteerRegistry>().AddScoped<Places>().AddScoped<ActivityBook>()
            .AddScoped<CheckInDesk>().AddSingleton<DeskCookie>().AddScoped<ServiceHours>().AddScoped<VolunteeringDemo>();
    }

    public static IEndpointRouteBuilder MapVolunteering(this IEndpointRouteBuilder app)
    {
        var venues = app.MapGroup("/api/venues").WithTags("Venues").RequireAuthorization(Policies.OrgManager);
        venues.MapGet("", async (int? unitId, VenueBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.ListAsync(unitId, ct)).ToHttp(text, TypedResults.Ok)).Produces<IReadOnlyList<VenueDto>>();
        venues.MapGet("/types", (VenueBook book) => TypedResults.Ok(book.Types));
        venues.MapGet("/{id:int}", async (int id, VenueBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok)).Produces<VenueDto>();
        venues.MapPost("", async (VenueBook.SaveRequest request, VenueBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.CreateAsync(request, ct)).ToHttp(text, v => TypedResults.Created($"/api/venues/{v.Id}", v)))
            .Produces<VenueDto>(201).ProducesValidationProblem();
        venues.MapPut("/{id:int}", async (int id, VenueBook.SaveRequest request, VenueBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.UpdateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok)).Produces<VenueDto>().ProducesValidationProblem();

        var volunteers = app.MapGroup("/api/volunteers").WithTags("Volunteers").RequireAuthorization(Policies.OrgManager);
        volunteers.MapGet("", async (int? unitId, VolunteerRegistry registry, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await registry.ListAsync(unitId, ct)).ToHttp(text, TypedResults.Ok)).Produces<IReadOnlyList<VolunteerDto>>();
        volunteers.MapGet("/{id:int}", async (int id, VolunteerRegistry registry, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await registry.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok)).Produces<VolunteerDto>();
        volunteers.MapPost("", async (VolunteerRegistry.SaveRequest request, VolunteerRegistry registry, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await registry.CreateAsync(request, ct)).ToHttp(text, v => TypedResults.Created($"/api/volunteers/{v.Id}", v)))
            .Produces<VolunteerDto>(201).ProducesValidationProblem();
        volunteers.MapPut("/{id:int}", async (int id, VolunteerRegistry.SaveRequest request, VolunteerRegistry registry, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await registry.UpdateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok)).Produces<VolunteerDto>().ProducesValidationProblem();
        volunteers.MapGet("/{id:int}/hours", async (int id, int? year, ServiceHours hours, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await hours.OfAsync(PersonKind.Volunteer, id, year, ct)).ToHttp(text, TypedResults.Ok)).Produces<PersonHours>();
        volunteers.MapGet("/{id:int}/certificate", async (int id, int year, ServiceHours hours, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await hours.CertificateAsync(PersonKind.Volunteer, id, year, ct)).ToHttp(text, TypedResults.Ok)).Produces<Certificate>();

        var members = app.MapGroup("/api/members").WithTags("Volunteering").RequireAuthorization(Policies.OrgManager);
        members.MapGet("/{id:int}/volunteer-hours", async (int id, int? year, ServiceHours hours, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await hours.OfAsync(PersonKind.Member, id, year, ct)).ToHttp(text, TypedResults.Ok)).Produces<PersonHours>();
        members.MapGet("/{id:int}/volunteer-certificate", async (int id, int year, ServiceHours hours, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await hours.CertificateAsync(PersonKind.Member, id, year, ct)).ToHttp(text, TypedResults.Ok)).Produces<Certificate>();

        var activities = app.MapGroup("/api/activities").WithTags("Activities").RequireAuthorization(Policies.OrgManager);
        activities.MapGet("", async ([AsParameters] ActivityBook.ListRequest request, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.ListAsync(request, ct)).ToHttp(text, TypedResults.Ok)).Produces<IReadOnlyList<ActivityDto>>();
        activities.MapGet("/{id:int}", async (int id, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.GetAsync(id, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>();
        activities.MapPost("", async (ActivityBook.SaveRequest request, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                (await book.CreateAsync(request, ct)).ToHttp(text, a => TypedResults.Created($"/api/activities/{a.Activity.Id}", a)))
            .Produces<ActivityDetail>(201).ProducesValidationProblem();
        activities.MapPut("/{id:int}", async (int id, ActivityBook.SaveRequest request, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.UpdateAsync(id, request, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>().ProducesValidationProblem();
        activities.MapPost("/{id:int}/cancel", async (int id, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.CancelAsync(id, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>();
        activities.MapPost("/{id:int}/signups", async (int id, ActivityBook.SignupRequest request, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.SignUpAsync(id, request, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>().ProducesValidationProblem();
        activities.MapDelete("/{id:int}/signups/{signupId:int}", async (int id, int signupId, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.WithdrawAsync(id, signupId, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>();
        activities.MapPost("/{id:int}/signups/{signupId:int}/check-in", async (int id, int signupId, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.CheckInAsync(id, signupId, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>();
        activities.MapPost("/{id:int}/signups/{signupId:int}/check-out", async (int id, int signupId, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.CheckOutAsync(id, signupId, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>();
        activities.MapPut("/{id:int}/signups/{signupId:int}/hours", async (int id, int signupId, ActivityBook.HoursRequest request, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.SetHoursAsync(id, signupId, request, ct)).ToHttp(text, TypedResults.Ok)).Produces<ActivityDetail>().ProducesValidationProblem();
        activities.MapPost("/{id:int}/confirm", async (int id, ActivityBook.ConfirmRequest request, ActivityBook book, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            (await book.ConfirmAsync(id, request, ct)).ToHttp(text, TypedResults.Ok)).Produces<ConfirmOutcome>().ProducesValidationProblem();
        activities.MapGet("/{id:int}/qr.svg", async (int id, HttpRequest http, ActivityBook book, Reviews.BallotLinks links, CancellationToken ct) =>
            (await book.GetAsync(id, ct)).Value is { } detail
                ? Results.Content(Reviews.BallotLinks.QrSvg(CheckInUrl(links.BaseUrl(http), detail.Activity.Secret)), "image/svg+xml")
                : Results.NotFound());
        return app;
    }

    public static string CheckInUrl(string baseUrl, string secret) => $"{baseUrl}/v/{secret}";
}
