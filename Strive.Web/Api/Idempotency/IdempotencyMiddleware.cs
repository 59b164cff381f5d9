using System.Security.Cryptography;
using System.Text;
using Strive.Domain.Idempotency;
using Strive.Web.Api.Auth;
using Strive.Web.Api.V1;

namespace Strive.Web.Api.Idempotency;

/// <summary>
/// Idempotency-Key on every POST, PATCH, PUT and DELETE under /api/v1 (docs/api/API.md "Idempotent retries").
/// Runs after authorization, so it knows the user and never keeps a 401. The first request claims the key in
/// the database (<see cref="IdempotencyStore"/>), runs, and its status and body are kept; a retry of the same
/// request replays them with Idempotent-Replayed: true. 401, 429 and 5xx (and an exception) free the key.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    public const string InvalidKey = "Idempotency-Key must be 1-255 printable ASCII characters";
    public const string DifferentRequest = "Idempotency-Key was already used for a different request";
    public const string StillInProgress = "A request with this Idempotency-Key is still in progress";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Headers.TryGetValue(HeaderName, out var values) || !IsWrite(request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<ApiKeyProtectedMetadata>() is null
            || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        if (values.Count != 1 || !IsValidKey(values[0]))
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status400BadRequest, new ErrorResponse(InvalidKey));
            return;
        }

        var fingerprint = await FingerprintAsync(request, context.RequestAborted);
        if (fingerprint is null)
        {
            // Over the body limit: the endpoint answers 413, which changes nothing and is not worth keeping.
            await next(context);
            return;
        }

        var (userId, key) = (context.User.UserId(), values[0]!);
        var claim = await store.ClaimAsync(userId, key, fingerprint, context.RequestAborted);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.DifferentRequest:
                await ApiErrors.WriteAsync(context, StatusCodes.Status422UnprocessableEntity,
                    new ErrorResponse(DifferentRequest));
                return;
            case IdempotencyOutcome.InProgress:
                await ApiErrors.WriteAsync(context, StatusCodes.Status409Conflict, new ErrorResponse(StillInProgress));
                return;
            case IdempotencyOutcome.Replay:
                await ReplayAsync(context, claim.Response!);
                return;
            default:
                await RunAndKeepAsync(context, userId, key);
                return;
        }
    }

    private async Task RunAndKeepAsync(HttpContext context, string userId, string key)
    {
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await store.ReleaseAsync(userId, key, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status429TooManyRequests
            or >= 500)
        {
            await store.ReleaseAsync(userId, key, CancellationToken.None);
        }
        else
        {
            // Not the request's token: once the work is done, its answer must be kept even if the caller left.
            await store.CompleteAsync(userId, key, new StoredResponse(response.StatusCode, buffer.ToArray(),
                response.ContentType, response.Headers.Location, response.Headers.ETag), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.StatusCode;
        response.Headers[ReplayedHeaderName] = "true";
        if (stored.ContentType is not null)
        {
            response.ContentType = stored.ContentType;
        }

        if (stored.Location is not null)
        {
            response.Headers.Location = stored.Location;
        }

        if (stored.ETag is not null)
        {
            response.Headers.ETag = stored.ETag;
        }

        await response.Body.WriteAsync(stored.Body, context.RequestAborted);
    }

    /// <summary>SHA-256 of method, path with query, and body; null when the body is over the API's limit.</summary>
    private static async Task<string?> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // An upload's body may be larger than JSON's; it is buffered (on disk past 64 KiB) up to its own limit.
        var limit = request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<UploadBodyLimit>()?.MaxBytes
            ?? JsonBody.MaxBytes;
        request.EnableBuffering(JsonBody.MaxBytes, limit);
        using var body = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > limit)
            {
                request.Body.Position = 0;
                return null;
            }

            body.Write(chunk, 0, read);
        }

        request.Body.Position = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n"));
        hash.AppendData(body.GetBuffer(), 0, (int)body.Length);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool IsWrite(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPatch(method) || HttpMethods.IsPut(method)
        || HttpMethods.IsDelete(method);

    private static bool IsValidKey(string? key) =>
        key is { Length: >= 1 and <= 255 } && key.All(c => c is >= ' ' and <= '~');
}
