namespace Jishi.Web.Shared.Files;

/// <summary>An upload over HTTP (multipart <c>file</c>), handed to the use case that checks and stores it.</summary>
public static class FileEndpoints
{
    /// <summary>The metadata of an upload: no antiforgery (API clients carry bearer tokens; the Identity cookie is
    /// SameSite=Lax, so another site cannot post with it) and the refusals of <see cref="UploadedFile.CheckAsync"/>.</summary>
    public static RouteHandlerBuilder AcceptsUpload(this RouteHandlerBuilder endpoint) => endpoint
        .DisableAntiforgery()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

    public static async Task<IResult> ReceiveAsync<T>(this IFormFile file, Func<UploadedFile, Task<Result<T>>> store,
        Func<T, IResult> ok)
    {
        await using var upload = new UploadedFile(file.FileName, file.Length, file.OpenReadStream());
        return (await store(upload)).ToHttp(ok);
    }
}
