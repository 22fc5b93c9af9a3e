using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Shared;

/// <summary>Limits on what a request may carry, checked once for every endpoint and page before any feature reads it.
/// The body: at most Jishi:MaxRequestBodyMegabytes (default 25, room for the largest legitimate upload, a 20 MB roster
/// workbook, with its form around it); over it, 413 with a Chinese ProblemDetails, whether the body declares its length
/// or is sent in chunks, on Kestrel and on the test server alike (which has no body-size limit of its own). The year: every
/// feature takes "?year=" as a calendar year and builds dates from it, so a year no work is done in is refused here.</summary>
public static class InputLimits
{
    public const int DefaultMaxBodyMegabytes = 25;
    public const int MinYear = 1900;
    public const int MaxYear = 2100;

    public static WebApplication UseInputLimits(this WebApplication app)
    {
        var limit = app.Configuration.GetValue("Jishi:MaxRequestBodyMegabytes", DefaultMaxBodyMegabytes) * 1024L * 1024L;
        app.Use(async (http, next) =>
        {
            if (http.Request.Query.TryGetValue("year", out var years)
                && years.Any(y => int.TryParse(y, NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) && year is < MinYear or > MaxYear))
            {
                await RejectAsync(http, StatusCodes.Status400BadRequest, "Problems.YearOutOfRange", MinYear, MaxYear);
                return;
            }
            if (http.Request.ContentLength > limit)
            {
                await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, "Problems.BodyTooLarge", limit / 1024 / 1024);
                return;
            }
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
            {
                kestrel.MaxRequestBodySize = limit;
            }
            var method = http.Request.Method;
            if (http.Request.ContentLength is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
            {
                await next(http);
                return;
            }
            // A body without a declared length is counted as it is read; minimal APIs take a failed read for a client that
            // went away and answer nothing, so the refusal is written here once the endpoint is done.
            var body = new LimitedStream(http.Request.Body, limit);
            http.Request.Body = body;
            try
            {
                await next(http);
            }
            catch (Exception e) when (body.Exceeded && e is IOException or InvalidDataException)
            {
            }
            if (body.Exceeded && !http.Response.HasStarted)
            {
                http.Response.Clear();
                await RejectAsync(http, StatusCodes.Status413PayloadTooLarge, "Problems.BodyTooLarge", limit / 1024 / 1024);
            }
        });
        return app;
    }

    private static Task RejectAsync(HttpContext http, int status, string code, params object[] args)
    {
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return TypedResults.Problem(text[code, args].Value, statusCode: status, title: text.StatusTitle(status)).ExecuteAsync(http);
    }

    /// <summary>A request body that fails once more than <paramref name="limit"/> bytes have been read from it.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool Exceeded { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                Exceeded = true;
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
