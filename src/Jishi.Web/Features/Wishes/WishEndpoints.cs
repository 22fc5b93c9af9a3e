using Jishi.Web.Features.Accounts;
using Jishi.Web.Features.Points;
using Jishi.Web.Shared;
using Jishi.Web.Shared.Files;
using Microsoft.AspNetCore.Mvc;

namespace Jishi.Web.Features.Wishes;

public static class WishEndpoints
{
    public static IServiceCollection AddWishes(this IServiceCollection services) => services.AddScoped<WishCaller>().AddScoped<WishQueries>().AddScoped<PublicWishes>().AddScoped<DownloadWishFile>()
        .AddScoped<SubmitWish>().AddScoped<ReviewWish>().AddScoped<ClaimWish>().AddScoped<FulfilWish>().AddScoped<ConfirmWish>();

    public static IEndpointRouteBuilder MapWishes(this IEndpointRouteBuilder app)
    {
        // Public: a resident has a tracking code, not an account; the wall shows no resident.
        var open = app.MapGroup("/api/wishes").WithTags("Wishes").AllowAnonymous().RequireRateLimiting(RateLimits.Public);
        open.MapGet("/communities", async (int? streetId, PublicWishes handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CommunitiesAsync(streetId, ct)));
        open.MapPost("/public", async (SubmitWish.SubmitRequest request, SubmitWish handler, CancellationToken ct) =>
                (await handler.SubmitAsync(request, null, ct)).ToHttp(s => TypedResults.Created($"/api/wishes/track/{s.TrackingCode}", s)));
        open.MapGet("/track/{code}", async (string code, PublicWishes handler, CancellationToken ct) =>
                await handler.TrackAsync(code, ct) is { } wish ? Results.Ok(wish) : Error.NotFound("Entity.Wish").ToProblem())
            .Produces<TrackedWish>().ProducesProblem(StatusCodes.Status404NotFound);
        open.MapPost("/track/{code}/confirm", async (string code, ConfirmWish.ConfirmRequest request, ConfirmWish handler,
                CancellationToken ct) => (await handler.ConfirmByCodeAsync(code, request, ct)).ToHttp(TypedResults.Ok));
        open.MapGet("/wall/{unitId:int}", async (int unitId, PublicWishes handler, CancellationToken ct) =>
                await handler.WallAsync(unitId, ct) is { } wall ? Results.Ok(wall) : Error.NotFound("Entity.Unit").ToProblem())
            .Produces<WishWall>().ProducesProblem(StatusCodes.Status404NotFound);

        // Staff of the wish's community and the street review and act for residents and members.
        var staff = app.MapGroup("/api/wishes").WithTags("Wishes").RequireAuthorization(Policies.OrgManager);
        staff.MapPost("", async (SubmitWish.SubmitRequest request, SubmitWish handler, CancellationToken ct) =>
                (await handler.EnterAsync(request, null, ct)).ToHttp(s => TypedResults.Created($"/api/wishes/{s.Id}", s)));
        staff.MapGet("", async ([AsParameters] WishQueries.ListRequest request, WishQueries handler, CancellationToken ct) =>
                (await handler.ListAsync(request, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/{id:int}/publish", async (int id, ReviewWish handler, CancellationToken ct) =>
                (await handler.PublishAsync(id, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/{id:int}/decline", async (int id, PointsLedger.ReasonRequest request, ReviewWish handler,
                CancellationToken ct) => (await handler.DeclineAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        staff.MapPost("/{id:int}/confirm", async (int id, ConfirmWish.ConfirmRequest request, ConfirmWish handler,
                CancellationToken ct) => (await handler.ConfirmAsync(id, request, ct)).ToHttp(TypedResults.Ok));

        // Staff, or a member whose account is bound to them: the handler tells them apart.
        var members = app.MapGroup("/api/wishes").WithTags("Wishes").RequireAuthorization();
        members.MapGet("/mine", async (WishQueries handler, CancellationToken ct) =>
                (await handler.MineAsync(ct)).ToHttp(TypedResults.Ok));
        members.MapGet("/open", async (WishQueries handler, CancellationToken ct) => TypedResults.Ok(await handler.OpenForMemberAsync(ct)));
        members.MapGet("/{id:int}", async (int id, WishQueries handler, CancellationToken ct) =>
                (await handler.GetAsync(id, ct)).ToHttp(TypedResults.Ok));
        members.MapPost("/{id:int}/claim", async (int id, ClaimWish.ClaimRequest request, ClaimWish handler,
                CancellationToken ct) => (await handler.ClaimAsync(id, request, ct)).ToHttp(TypedResults.Ok));
        members.MapPost("/{id:int}/withdraw", async (int id, ClaimWish handler, CancellationToken ct) =>
                (await handler.WithdrawAsync(id, ct)).ToHttp(TypedResults.Ok));
        members.MapPost("/{id:int}/fulfil", async (int id, [FromForm] string? note, IFormFileCollection files, FulfilWish handler, CancellationToken ct) =>
            {
                var photos = files.Select(f => new UploadedFile(f.FileName, f.Length, f.OpenReadStream())).ToList();
                try
                {
                    return (await handler.FulfilAsync(id, new FulfilWish.FulfilRequest(note), photos, ct)).ToHttp(TypedResults.Ok);
                }
                finally
                {
                    photos.ForEach(p => p.Content.Dispose());
                }
            })
            .DisableAntiforgery()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<WishDto>().ProducesValidationProblem();
        members.MapGet("/{id:int}/files/{photoId:int}", async (int id, int photoId, DownloadWishFile handler,
                CancellationToken ct) => (await handler.HandleAsync(id, photoId, ct)).ToHttp(f => TypedResults.File(f.Content, f.ContentType, f.FileName)))
            .Produces(StatusCodes.Status200OK);
        return app;
    }
}
