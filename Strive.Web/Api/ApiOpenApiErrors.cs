using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Web.Api.Auth;
using Strive.Web.Api.Idempotency;

namespace Strive.Web.Api;

/// <summary>The refusals one endpoint names, in the order a caller most likely meets them.</summary>
public sealed record DocumentedErrors(IReadOnlyList<DomainError> Errors);

/// <summary>
/// Error responses in the OpenAPI document, each with examples that belong to its endpoint: the refusals the
/// endpoint names (<see cref="ProducesErrors(RouteHandlerBuilder, DomainError, DomainError[])"/>), what its
/// body's parser and its headers refuse, the scope it needs, and what any API call can meet (401, 429, 500, and 503 while a configured Redis is unreachable).
/// Nothing here lists endpoints: a new one gets its examples from its own metadata.
/// </summary>
public static class ApiOpenApiErrors
{
    private const string Json = "application/json";
    private static readonly int[] EveryCall = [401, 403, 429, 500, 503];

    /// <summary>Declares the documented error body for each status (not ProblemDetails: that is not our shape).</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var status in statusCodes.Concat(EveryCall).Distinct().Order())
        {
            builder.Produces<ErrorResponse>(status, Json);
        }

        return builder;
    }

    /// <summary>
    /// Declares the refusals the endpoint's service can answer: each becomes an example under its status
    /// (<see cref="ApiErrors.StatusOf"/>), first named first.
    /// </summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, DomainError first,
        params DomainError[] more)
    {
        ArgumentNullException.ThrowIfNull(builder);
        DomainError[] errors = [first, .. more];
        builder.WithMetadata(new DocumentedErrors(errors));
        return builder.ProducesErrors([.. errors.Select(e => ApiErrors.StatusOf(e.Kind))]);
    }

    /// <summary>Gives every error response of the operation the error schema and its own examples.</summary>
    internal static void Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var method = context.Description.HttpMethod ?? "GET";
        var body = metadata.OfType<RequestBodyDocumentation>().FirstOrDefault();
        var named = metadata.OfType<DocumentedErrors>().SelectMany(d => d.Errors).ToList();
        var scopes = metadata.OfType<RequiredScopeMetadata>().Select(m => m.Scope).Distinct().ToList();
        var conditional = operation.Parameters?.Any(p => p.Name == "If-Match") == true;
        var isWrite = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);

        operation.Responses ??= [];
        // A malformed Idempotency-Key or If-Match is a 400 even where the body is not.
        if (body is not null || conditional || isWrite)
        {
            operation.Responses.TryAdd("400", new OpenApiResponse { Description = "Bad Request" });
        }

        if (body is not null)
        {
            operation.Responses.TryAdd("413", new OpenApiResponse { Description = "Content Too Large" });
        }

        foreach (var (status, response) in operation.Responses.ToList())
        {
            if (!int.TryParse(status, out var code) || code < 400 || response is not OpenApiResponse concrete)
            {
                continue;
            }

            var examples = new List<(string Name, JsonObject Value)>();
            examples.AddRange(named.Where(e => ApiErrors.StatusOf(e.Kind) == code).Select(e => (e.Code, Error(e.Message))));
            examples.AddRange(code switch
            {
                400 => BadRequests(body?.Shape, HttpMethods.IsPatch(method), conditional, isWrite),
                401 => [("auth.missing", Error(ApiErrors.NotAuthenticated)), ("auth.expired", Error(ApiErrors.KeyExpired))],
                403 when scopes.Count > 0 => [("auth.scope", ScopeError(scopes))],
                404 => [("request.not_found", Error(ApiErrors.NotFound))],
                409 when isWrite => [("idempotency.in_progress", Error(IdempotencyMiddleware.StillInProgress))],
                412 => [("goal.stale", StaleError())],
                413 => [("request.too_large", Error(ApiErrors.BodyTooLarge))],
                422 => [("idempotency.different_request", Error(IdempotencyMiddleware.DifferentRequest))],
                429 => [("rate_limit.exceeded", Error(ApiErrors.RateLimitExceeded))],
                500 => [("server.error", Error(ApiErrors.InternalError))],
                503 => [("server.unavailable", Error(ApiErrors.TemporarilyUnavailable))],
                _ => [],
            });

            // Every call lists 403 for the scope; an endpoint that needs none and names no 403 cannot answer it.
            if (code == 403 && examples.Count == 0)
            {
                operation.Responses.Remove(status);
                continue;
            }

            // The generic "Not found" only stands in when the endpoint named no not-found of its own.
            if (code == 404 && examples.Count > 1)
            {
                examples.RemoveAll(e => e.Name == "request.not_found");
            }

            SetContent(concrete, context.Document, examples.DistinctBy(e => e.Value["error"]!.GetValue<string>()).ToList());
        }

        // Responses added here and by the header rules came last; readers expect them by status.
        var ordered = operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        operation.Responses.Clear();
        foreach (var (status, response) in ordered)
        {
            operation.Responses.Add(status, response);
        }
    }

    /// <summary>What the request's own parsing refuses, the most telling first.</summary>
    private static IEnumerable<(string, JsonObject)> BadRequests(RequestShape? shape, bool isUpdate, bool conditional,
        bool isWrite)
    {
        if (shape is not null)
        {
            var required = shape.Fields.Where(f => f.Presence == Presence.Required).ToList();
            foreach (var field in required)
            {
                yield return ($"body.{field.Name}", Error(field.MissingMessage));
            }

            if (isUpdate)
            {
                yield return ("body.nothing_to_update", Error(ApiErrors.NoValidFields));
            }

            yield return ("body.invalid_json", Error(JsonBody.InvalidJson));
            foreach (var refusal in FieldsOf(shape.Fields).SelectMany(f => f.Refusals))
            {
                yield return ("body.invalid", Error(refusal));
            }
        }

        if (conditional)
        {
            yield return ("if_match.malformed", Error(EntityTags.MalformedIfMatch));
        }

        if (isWrite)
        {
            yield return ("idempotency.invalid_key", Error(IdempotencyMiddleware.InvalidKey));
        }
    }

    /// <summary>The fields of a body, and those of the objects its arrays hold.</summary>
    private static IEnumerable<RequestField> FieldsOf(IEnumerable<RequestField> fields) =>
        fields.SelectMany(f => f.Schema.Items?.Properties is { } items ? [f, .. FieldsOf(items)] : new[] { f });

    private static void SetContent(OpenApiResponse response, OpenApiDocument? document,
        List<(string Name, JsonObject Value)> examples)
    {
        response.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!response.Content.TryGetValue(Json, out var media))
        {
            media = new OpenApiMediaType { Schema = new OpenApiSchemaReference(nameof(ErrorResponse), document) };
            response.Content[Json] = media;
        }

        if (examples.Count == 1)
        {
            media.Example = examples[0].Value;
        }
        else if (examples.Count > 1)
        {
            // Ad-hoc refusals share a code (request.invalid): the second of a name gets a number.
            media.Examples = new Dictionary<string, IOpenApiExample>();
            foreach (var (name, value) in examples)
            {
                var key = name;
                for (var n = 2; media.Examples.ContainsKey(key); n++)
                {
                    key = $"{name}.{n}";
                }

                media.Examples[key] = new OpenApiExample { Summary = value["error"]!.GetValue<string>(), Value = value };
            }
        }
    }

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private static JsonObject ScopeError(IEnumerable<string> scopes) => new()
    {
        ["error"] = ApiErrors.Forbidden,
        ["requiredScopes"] = new JsonArray([.. scopes.Select(s => (JsonNode)JsonValue.Create(s))]),
    };

    private static JsonObject StaleError()
    {
        var current = new Guid("6f1c2a9e4b7d4f0e9a3c5d8b2e1f7a40");
        return new JsonObject
        {
            ["error"] = GoalErrors.Stale(current).Message,
            ["etag"] = EntityTags.Of(current),
        };
    }
}
