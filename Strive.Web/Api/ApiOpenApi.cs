using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /api/docs.</summary>
public static class ApiOpenApi
{
    private const string BearerScheme = "Bearer";

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
            options.CreateSchemaReferenceId = ApiOpenApiSchemas.ReferenceId;
            options.AddSchemaTransformer(ApiOpenApiSchemas.TransformAsync);
            options.AddDocumentTransformer(DescribeDocumentAsync);
            options.AddOperationTransformer(DescribeOperationAsync);
            options.AddDocumentTransformer(ApiOpenApiSchemas.RequireDataAsync);
            options.AddDocumentTransformer(ApiOpenApiExamples.AddSuccessExamplesAsync);
        });

    public static WebApplication MapStriveOpenApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", ConfigureReference).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// A self-hosted product's reference works without the internet and sends nothing to Scalar: the bundle is
    /// served from the package, fonts are the system's, and the online features (developer tools with Share,
    /// Generate SDK and Deploy; Ask AI; MCP; telemetry; the "Open API Client" link to Scalar's hosted client,
    /// which would hand it this document's address) are off. The request proxy stays unset, so "Test request"
    /// goes straight to this server.
    /// </summary>
    private static void ConfigureReference(ScalarOptions options) => options
        .WithTitle("Strive API")
        .WithOpenApiRoutePattern("/openapi/{documentName}.json")
        .AddPreferredSecuritySchemes(BearerScheme)
        .DisableDefaultFonts()
        .HideClientButton()
        .HideDeveloperTools()
        .DisableAgent()
        .DisableMcp()
        .DisableTelemetry();

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
        schema.Format = field.Format;
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

    private static Task DescribeOperationAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context,
        CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
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
        else if (metadata.OfType<V1.UploadBodyLimit>().Any())
        {
            operation.RequestBody = UploadBody();
        }

        ApiOpenApiHeaders.Describe(operation,
            metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName,
            context.Description.HttpMethod ?? "GET");
        if (metadata.OfType<ApiKeyProtectedMetadata>().Any())
        {
            DescribeSecurity(operation, context);
        }

        ApiOpenApiErrors.Describe(operation, context);
        return Task.CompletedTask;
    }

    /// <summary>An upload: <c>multipart/form-data</c> with one binary part named <c>file</c> (documented, not enforced by routing).</summary>
    private static OpenApiRequestBody UploadBody() => new()
    {
        Required = true,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(StringComparer.Ordinal) { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["file"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.String,
                            Format = "binary",
                            Description = "A JPEG, PNG, WebP or GIF image of at most 10 MB.",
                        },
                    },
                },
            },
        },
    };

    private static void DescribeSecurity(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var scopes = metadata.OfType<RequiredScopeMetadata>().Select(m => $"`{m.Scope}`").Distinct().ToList();
        operation.Description = (operation.Description ?? "") + (scopes.Count > 0
            ? $"\n\n**Required scope:** {string.Join(", ", scopes)} (403 `{{\"error\": \"Forbidden\", \"requiredScopes\": [...]}}` without it)."
            : "\n\n**Required scope:** none; any valid key acts on its owner's keys.");
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [],
        });
    }
}

/// <summary>Names the request shape that describes an endpoint's JSON body in the OpenAPI document.</summary>
public sealed record RequestBodyDocumentation(RequestShape Shape, string Example);
