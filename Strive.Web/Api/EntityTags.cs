using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Strive.Domain.Common;

namespace Strive.Web.Api;

/// <summary>
/// ETag, If-None-Match and If-Match for goals, milestones and milestone lists (docs/api/API.md "Versions and
/// conditional requests"). The tag is the goal's version (docs/decisions/002), strong and quoted: every change
/// to a goal or its milestones renews that version, so it changes whenever any of those representations does.
/// </summary>
public static class EntityTags
{
    public const string MalformedIfMatch = "If-Match must be * or a list of entity tags";

    public static string Of(Guid version) => $"\"{version:N}\"";

    public static void Set(HttpResponse response, Guid version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = Of(version);
    }

    /// <summary>
    /// If-None-Match on a read: true when it names the current tag or is <c>*</c> (weak comparison, RFC 9110
    /// 13.1.2, so <c>W/"..."</c> matches too). A header that does not parse never matches.
    /// </summary>
    public static bool IsNotModified(HttpRequest request, Guid version)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseStrictList(header, out var tags))
        {
            return false;
        }

        var current = new EntityTagHeaderValue(Of(version));
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(current, useStrongComparison: false));
    }

    /// <summary>A 304 that still names the current tag, with no body.</summary>
    public static StatusCodeHttpResult NotModified(HttpResponse response, Guid version)
    {
        Set(response, version);
        return TypedResults.StatusCode(StatusCodes.Status304NotModified);
    }

    /// <summary>
    /// If-Match on a write, as the domain's <see cref="VersionCondition"/>: none without the header or with
    /// <c>*</c> (the resource need only exist, which the write checks anyway); otherwise the versions its
    /// strong tags name. A weak or foreign tag names none (strong comparison), so it can only fail, as RFC 9110
    /// 13.1.1 says. A header that does not parse: 400.
    /// </summary>
    public static (VersionCondition? Condition, JsonHttpResult<ErrorResponse>? Error) ReadIfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            return (null, null);
        }

        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            return (null, ApiErrors.Status(StatusCodes.Status400BadRequest, MalformedIfMatch));
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any)))
        {
            return (null, null);
        }

        var versions = new HashSet<Guid>();
        foreach (var tag in tags.Where(t => !t.IsWeak))
        {
            if (Guid.TryParseExact(tag.Tag.AsSpan().Trim('"'), "N", out var version))
            {
                versions.Add(version);
            }
        }

        return (new VersionCondition(versions), null);
    }
}
