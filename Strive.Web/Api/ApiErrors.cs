using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.Common;

namespace Strive.Web.Api;

/// <summary>
/// The error body of every failed API call (docs/api/API.md "Basics"): {"error": "..."}; a 412 adds the
/// current <c>etag</c> ("Versions and conditional requests").
/// </summary>
public sealed record ErrorResponse(
    string Error,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Etag = null);

/// <summary>403 for a key without the endpoint's scope: the error plus the scopes it needs.</summary>
public sealed record ScopeErrorResponse(string Error, IReadOnlyList<string> RequiredScopes);

/// <summary>The one place where refusals become status codes and bodies.</summary>
public static class ApiErrors
{
    public const string NotAuthenticated = "Not authenticated";
    public const string KeyExpired = "API key has expired";
    public const string Forbidden = "Forbidden";
    public const string RateLimitExceeded = "Rate limit exceeded";
    public const string NotFound = "Not found";
    public const string BodyTooLarge = "Request body too large";
    public const string InternalError = "Internal server error";
    public const string TemporarilyUnavailable = "Service temporarily unavailable, please retry shortly";
    public static readonly string NoValidFields = CommonErrors.NothingToUpdate.Message;

    public static JsonHttpResult<ErrorResponse> From(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Status(StatusOf(error.Kind), error.Message);
    }

    /// <summary>
    /// <see cref="From(DomainError)"/> for a versioned resource: a refusal on a stale version also names the
    /// current tag, in the ETag header and in the body, so the caller can re-read or retry with it.
    /// </summary>
    public static JsonHttpResult<ErrorResponse> From(DomainError error, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(response);
        if (error.CurrentVersion is not { } current)
        {
            return From(error);
        }

        EntityTags.Set(response, current);
        return TypedResults.Json(new ErrorResponse(error.Message, EntityTags.Of(current)),
            statusCode: StatusOf(error.Kind));
    }

    public static JsonHttpResult<ErrorResponse> Status(int statusCode, string message) =>
        TypedResults.Json(new ErrorResponse(message), statusCode: statusCode);

    public static int StatusOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Invalid => StatusCodes.Status400BadRequest,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>For middleware that answers before an endpoint runs.</summary>
    public static Task WriteAsync(HttpContext context, int statusCode, object body)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = statusCode;
        return context.Response.WriteAsJsonAsync(body, body.GetType(), options: null, contentType: "application/json",
            cancellationToken: context.RequestAborted);
    }
}
