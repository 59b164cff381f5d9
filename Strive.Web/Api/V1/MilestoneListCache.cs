using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Strive.Domain.Milestones;

namespace Strive.Web.Api.V1;

/// <summary>
/// The last answer of <c>GET /api/v1/goals/:goalId/milestones</c> per goal, as the UTF-8 JSON it sent, with the
/// goal's version it was read at. The list changes only with that version (docs/api/API.md "Versions and
/// conditional requests": every write to a goal or its milestones renews it, in the database, whichever instance
/// or page made it), so a request that finds the goal still at the kept version can send the kept bytes: no
/// milestone query and no serialization. Nothing here decides who may read: the access check runs on every
/// request before these bytes are looked at, and it says which version is current (from memory while every change
/// is heard, else from the database: <see cref="Strive.Domain.Goals.GoalGateCache"/>, docs/decisions/010). No
/// invalidation is needed here: a body is only ever sent for the version it was read at.
/// Bounded: at most <see cref="SizeLimitBytes"/> of bodies, the least recently used evicted first.
/// </summary>
public sealed class MilestoneListCache : IDisposable
{
    /// <summary>About 4,500 lists of 20 milestones.</summary>
    public const long SizeLimitBytes = 32 * 1024 * 1024;

    /// <summary>A list larger than this is sent but not kept (a goal of hundreds of long milestones).</summary>
    private const int MaxBodyBytes = 1024 * 1024;

    private readonly MemoryCache _bodies = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });
    private readonly JsonSerializerOptions _json;

    public MilestoneListCache(IOptions<JsonOptions> json)
    {
        ArgumentNullException.ThrowIfNull(json);
        _json = json.Value.SerializerOptions;
    }

    /// <summary>The version of the body kept for the goal, if any: what the domain may skip reading.</summary>
    public Guid? KnownVersion(string goalId) =>
        _bodies.TryGetValue(goalId, out Entry? entry) ? entry!.Version : null;

    /// <summary>The body kept for the goal at exactly this version, if any.</summary>
    public byte[]? Body(string goalId, Guid version) =>
        _bodies.TryGetValue(goalId, out Entry? entry) && entry!.Version == version ? entry.Body : null;

    /// <summary>The list as the API's JSON (exactly what <c>TypedResults.Ok</c> writes), kept for its goal.</summary>
    public byte[] Store(string goalId, MilestoneList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new DataResponse<IReadOnlyList<MilestoneResponse>>(MilestoneResponse.From(list)), _json);
        if (body.Length <= MaxBodyBytes)
        {
            // Two requests racing may store two versions in turn; the loser's entry only costs the next request
            // a read, since a body is served for its own version and no other.
            _bodies.Set(goalId, new Entry(list.GoalVersion, body), new MemoryCacheEntryOptions { Size = body.Length });
        }

        return body;
    }

    public void Dispose() => _bodies.Dispose();

    private sealed record Entry(Guid Version, byte[] Body);
}

/// <summary>A 200 with UTF-8 JSON already serialized (a kept milestone list).</summary>
public sealed class Utf8JsonResult(byte[] body) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
