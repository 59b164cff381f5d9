using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Strive.Web.Api;

/// <summary>
/// Response schemas as generated clients should see them: short names (<c>Goal</c>, <c>GoalList</c>), integers
/// that are integers, typed times, and a <c>data</c> that is never null. Each fix works on CLR types, so an
/// endpoint added later gets it without a line here.
/// </summary>
internal static class ApiOpenApiSchemas
{
    private const string ResponseSuffix = "Response";

    /// <summary>
    /// <c>GoalResponse</c> is <c>Goal</c>; <c>{"data": Goal}</c> is <c>GoalData</c> and <c>{"data": [Goal]}</c> is
    /// <c>GoalList</c>. <see cref="ErrorResponse"/> keeps its name: a bare <c>Error</c> collides with the
    /// language's own type in generated TypeScript and Kiota clients.
    /// </summary>
    public static string? ReferenceId(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        var type = typeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(DataResponse<>))
        {
            var data = type.GetGenericArguments()[0];
            return ItemTypeOf(data) is { } item ? ShortName(item) + "List" : ShortName(data) + "Data";
        }

        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(typeInfo);
        return id is null || type.IsGenericType ? id : ShortName(type);
    }

    /// <summary>
    /// The API's JSON options read numbers from strings (ASP.NET Core's web defaults), so the generator writes
    /// <c>["integer", "string"]</c> with a digits pattern. Our bodies are read by the field parsers, which refuse
    /// a string where a number belongs, and answers always write numbers: the schema says integer.
    /// DateTimeOffset goes through our converter, which the generator cannot see into, so it writes only a format.
    /// </summary>
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context,
        CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        var nullable = underlying is not null;
        var core = underlying ?? type;

        if (schema.Type is { } types && types.HasFlag(JsonSchemaType.String)
            && (types.HasFlag(JsonSchemaType.Integer) || types.HasFlag(JsonSchemaType.Number))
            && schema.Pattern is not null)
        {
            schema.Type = types & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (core == typeof(DateTimeOffset) || core == typeof(DateTime))
        {
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : default);
            schema.Format = "date-time";
        }
        else if (core.IsEnum && schema.Enum is { Count: > 0 })
        {
            schema.Type = JsonSchemaType.String | (nullable ? JsonSchemaType.Null : default);
        }

        if (type == typeof(ErrorResponse))
        {
            DescribeError(schema);
        }

        return Task.CompletedTask;
    }

    /// <summary>docs/api/API.md "Basics": a failure may add fields beside <c>error</c>; these are the ones it adds.</summary>
    private static void DescribeError(OpenApiSchema schema)
    {
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["requiredScopes"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "On a 403 for a key without the endpoint's scope: the scopes it needs.",
        };
        if (schema.Properties.TryGetValue("etag", out var etag) && etag is OpenApiSchema tag)
        {
            tag.Type = JsonSchemaType.String;
            tag.Description = "On a 412: the current entity tag, to re-read or retry with.";
        }
    }

    /// <summary>
    /// <see cref="DataResponse{T}"/>'s T carries no nullability annotation, so the generator lets <c>data</c> be
    /// null (and adds the <c>oneOf: [null, $ref]</c> only after the schema transformers ran); answers never send
    /// it. Runs on the finished document: an envelope is a schema whose one property is <c>data</c>.
    /// </summary>
    public static Task RequireDataAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            if (schema is OpenApiSchema { Properties: { Count: 1 } properties } envelope
                && properties.TryGetValue("data", out var data))
            {
                envelope.Properties["data"] = NotNull(data);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary><c>oneOf: [null, $ref]</c> becomes the <c>$ref</c>; <c>type: [null, array]</c> becomes array.</summary>
    private static IOpenApiSchema NotNull(IOpenApiSchema schema)
    {
        if (schema is not OpenApiSchema concrete)
        {
            return schema;
        }

        if (concrete.OneOf is { } choices)
        {
            var rest = choices.Where(c => c is not OpenApiSchema { Type: JsonSchemaType.Null }).ToList();
            if (rest.Count == 1)
            {
                return rest[0];
            }

            concrete.OneOf = rest;
        }

        if (concrete.Type is { } types && types.HasFlag(JsonSchemaType.Null))
        {
            concrete.Type = types & ~JsonSchemaType.Null;
        }

        return concrete;
    }

    private static Type? ItemTypeOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type == typeof(string) ? null : type.GetInterfaces().Append(type)
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            .Select(i => i.GetGenericArguments()[0])
            .FirstOrDefault();
    }

    private static string ShortName(Type type)
    {
        var name = type.Name;
        return name.Length > ResponseSuffix.Length && name.EndsWith(ResponseSuffix, StringComparison.Ordinal)
            && type != typeof(ErrorResponse)
            ? name[..^ResponseSuffix.Length]
            : name;
    }
}
