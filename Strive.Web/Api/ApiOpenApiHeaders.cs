using Microsoft.OpenApi;
using Strive.Web.Api.Idempotency;

namespace Strive.Web.Api;

/// <summary>
/// The conditional-request and idempotency headers in the OpenAPI document (docs/api/API.md "Versions and
/// conditional requests", "Idempotent retries"), on the operations they apply to.
/// </summary>
internal static class ApiOpenApiHeaders
{
    private static readonly HashSet<string> VersionedReads = ["GetGoal", "ListMilestones", "GetMilestone"];
    private static readonly HashSet<string> ConditionalWrites =
    [
        "UpdateGoal", "CreateMilestone", "UpdateMilestone", "ReorderMilestones", "DeleteMilestone", "RestoreMilestone",
    ];
    private static readonly HashSet<string> TaggedWrites = [.. ConditionalWrites, "CreateGoal"];

    public static void Describe(OpenApiOperation operation, string? endpointName, string httpMethod)
    {
        var isWrite = !HttpMethods.IsGet(httpMethod);
        if (endpointName is not null && VersionedReads.Contains(endpointName))
        {
            AddParameter(operation, "If-None-Match", "An ETag from an earlier read: 304 with no body while it is current.");
            AddResponse(operation, "304", "Not modified: the If-None-Match tag is current. No body.");
            AddHeader(operation, "ETag", "The strong entity tag of this representation.");
        }

        if (endpointName is not null && ConditionalWrites.Contains(endpointName))
        {
            AddParameter(operation, "If-Match", "Write only if this ETag is still current (`*`: any). Otherwise 412 "
                + "`{\"error\": \"The resource has changed since you read it\", \"etag\": \"<current>\"}` and nothing "
                + "changes. A malformed value is a 400.");
            AddResponse(operation, "412", "The If-Match tag is stale; the body and the ETag header name the current one.");
        }

        if (endpointName is not null && TaggedWrites.Contains(endpointName))
        {
            AddHeader(operation, "ETag", "The new entity tag of what was written.");
        }

        if (isWrite)
        {
            AddParameter(operation, IdempotencyMiddleware.HeaderName, "1-255 printable ASCII characters. A retry with "
                + "the same key and request within 24 hours replays the first answer; another request with the key: "
                + "422; while the first still runs: 409.");
            AddHeader(operation, IdempotencyMiddleware.ReplayedHeaderName,
                "`true` when this answer is the stored one of an earlier request with the same Idempotency-Key.");
            AddResponse(operation, "422", "Idempotency-Key was already used for a different request.");
        }
    }

    private static void AddParameter(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Required = false,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }

    private static void AddResponse(OpenApiOperation operation, string status, string description)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd(status, new OpenApiResponse { Description = description });
    }

    /// <summary>On every 2xx answer of the operation.</summary>
    private static void AddHeader(OpenApiOperation operation, string name, string description)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('2') && response is OpenApiResponse concrete)
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[name] = new OpenApiHeader
                {
                    Description = description,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
    }
}
