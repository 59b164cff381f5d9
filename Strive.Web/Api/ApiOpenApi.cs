using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /api/docs.</summary>
public static class ApiOpenApi
{
    private const string BearerScheme = "Bearer";

    private static readonly Dictionary<int, string> ErrorExamples = new()
    {
        [400] = MilestoneErrors.ContentRequired.Message,
        [401] = ApiErrors.NotAuthenticated,
        [403] = GoalErrors.NotStakeholder.Message,
        [404] = GoalErrors.NotFound.Message,
        [409] = GoalErrors.ChangedConcurrently.Message,
        [413] = ApiErrors.BodyTooLarge,
        [429] = ApiErrors.RateLimitExceeded,
        [500] = ApiErrors.InternalError,
        [503] = ApiErrors.TemporarilyUnavailable,
    };

    /// <summary>Declares the documented error body for each status (not ProblemDetails: that is not our shape).</summary>
    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        foreach (var status in statusCodes.Concat([401, 403, 429, 500, 503]).Distinct().Order())
        {
            builder.Produces<ErrorResponse>(status, "application/json");
        }

        return builder;
    }

    /// <summary>
    /// Documents the JSON body without <c>Accepts</c>: that would make routing refuse a request whose
    /// Content-Type is missing or different (curl -d sends form encoding), where we read the body anyway.
    /// </summary>
    public static RouteHandlerBuilder DocumentsBody(this RouteHandlerBuilder builder, RequestShape shape,
        string example) =>
        builder.WithMetadata(new RequestBodyDocumentation(shape, example));

    public static IServiceCollection AddStriveOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description =>
                description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeOperationAsync);
        });

    public static WebApplication MapStriveOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", options => options
                .WithTitle("Strive API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(BearerScheme))
            .AllowAnonymous();
        return app;
    }

    private static Task DescribeDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Strive API",
            Version = "v1",
            Description = "Goals, milestones, supports and API keys. Send `Authorization: Bearer sk_live_...`; "
                + "each endpoint names the scope it needs. Success bodies are `{\"data\": ...}`, failures "
                + "`{\"error\": \"...\"}`. Times are UTC with milliseconds (`2026-03-31T23:59:59.999Z`). "
                + "Every authenticated response carries X-RateLimit-Limit, X-RateLimit-Remaining and "
                + "X-RateLimit-Reset; past the limit the answer is 429 with Retry-After.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "sk_live_<64 lowercase hex>",
            Description = "An API key from the API-keys page, the /api/v1/api-keys endpoints or "
                + "`Strive.Web admin create-api-key`.",
        };
        return Task.CompletedTask;
    }

    /// <summary>The request schema, written from the same field list the parser reads.</summary>
    public static OpenApiSchema SchemaOf(RequestShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return ObjectSchema(shape.Fields);
    }

    private static OpenApiSchema ObjectSchema(IReadOnlyList<RequestField> fields) => new()
    {
        Type = JsonSchemaType.Object,
        Properties = fields.ToDictionary(f => f.Name, f => (IOpenApiSchema)SchemaOf(f.Schema)),
        Required = fields.Where(f => f.IsRequired).Select(f => f.Name).ToHashSet(),
    };

    private static OpenApiSchema SchemaOf(FieldSchema field)
    {
        var schema = field.Properties is { } properties ? ObjectSchema(properties) : new OpenApiSchema();
        schema.Type = field.Types;
        schema.Description = field.Description;
        schema.Examples = [JsonNode.Parse(field.Example)!];
        if (field.Enum is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }

        if (field.Minimum is { } minimum)
        {
            schema.Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (field.Items is { } items)
        {
            schema.Items = SchemaOf(items);
        }

        return schema;
    }

    private static async Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!metadata.OfType<ApiKeyProtectedMetadata>().Any())
        {
            return;
        }

        if (metadata.OfType<RequestBodyDocumentation>().FirstOrDefault() is { } body)
        {
            context.Document?.AddComponent(body.Shape.Name, SchemaOf(body.Shape));
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(body.Shape.Name, context.Document),
                        Example = JsonNode.Parse(body.Example),
                    },
                },
            };
        }

        var scopes = metadata.OfType<RequiredScopeMetadata>().Select(m => $"`{m.Scope}`").Distinct().ToList();
        operation.Description = (operation.Description ?? "") + (scopes.Count > 0
            ? $"\n\n**Required scope:** {string.Join(", ", scopes)} (403 `{{\"error\": \"Forbidden\", \"requiredScopes\": [...]}}` without it)."
            : "\n\n**Required scope:** none; any valid key acts on its owner's keys.");
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
        });

        ApiOpenApiHeaders.Describe(operation,
            metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName,
            context.Description.HttpMethod ?? "GET");
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (int.TryParse(status, out var code) && ErrorExamples.TryGetValue(code, out var message)
                && response.Content?.TryGetValue("application/json", out var media) == true)
            {
                media.Example = new JsonObject { ["error"] = message };
            }
        }
    }
}

/// <summary>Names the request shape that describes an endpoint's JSON body in the OpenAPI document.</summary>
public sealed record RequestBodyDocumentation(RequestShape Shape, string Example);
