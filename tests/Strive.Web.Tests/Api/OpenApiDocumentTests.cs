using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>
/// /openapi/v1.json as a generated client reads it (issue 13): an example on every response, each example fits
/// its schema, integers are integers, times are typed strings (with null where they may be null), success
/// <c>data</c> is never null, schema names are short, and error examples belong to their endpoint.
/// </summary>
public sealed partial class OpenApiDocumentTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    private const int MaxSchemaNameLength = 30;

    [Fact]
    public async Task EveryResponse_HasAJsonBodyWithAnExample()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();

        foreach (var (name, status, response) in Responses(document))
        {
            if (status == "304")
            {
                continue; // Not modified: no body, by definition.
            }

            var media = response["content"]?["application/json"];
            if (media is null)
            {
                failures.Add($"{name} {status}: no application/json body");
            }
            else if (ExamplesOf(media).Count == 0)
            {
                failures.Add($"{name} {status}: no example");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task EveryExample_FitsItsSchema()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();

        foreach (var (name, status, response) in Responses(document))
        {
            if (response["content"]?["application/json"] is JsonObject media)
            {
                foreach (var (label, example) in ExamplesOf(media))
                {
                    Validate(document, media["schema"]!, example, $"{name} {status} {label}", failures, checkFormats: true);
                }
            }
        }

        foreach (var (name, operation) in Operations(document))
        {
            if (operation["requestBody"]?["content"]?["application/json"] is JsonObject media)
            {
                // Request examples may use a bare date where the schema's format names the date-time clients send.
                foreach (var (label, example) in ExamplesOf(media))
                {
                    Validate(document, media["schema"]!, example, $"{name} request {label}", failures, checkFormats: false);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task NoSchema_TakesAStringForANumber()
    {
        var document = await DocumentAsync();

        var mixed = Schemas(document)
            .Where(s => TypesOf(s.Schema) is var types && types.Contains("string")
                && (types.Contains("integer") || types.Contains("number")))
            .Select(s => s.Path)
            .ToList();

        Assert.True(mixed.Count == 0, "typed both number and string:\n" + string.Join("\n", mixed));
        var goal = document["components"]!["schemas"]!["Goal"]!["properties"]!;
        Assert.Equal("integer", goal["tasksTotal"]!["type"]!.GetValue<string>());
        Assert.Equal("integer", document["components"]!["schemas"]!["Milestone"]!["properties"]!["order"]!["type"]!
            .GetValue<string>());
    }

    [Fact]
    public async Task EveryTime_IsATypedDateTimeString_NullOnlyWhereItMayBeNull()
    {
        var document = await DocumentAsync();
        var failures = new List<string>();

        foreach (var (path, schema) in Schemas(document))
        {
            var isTime = schema["format"]?.GetValue<string>() == "date-time";
            var named = path.Split('.')[^1];
            if (isTime && !TypesOf(schema).Contains("string"))
            {
                failures.Add($"{path}: date-time without type string");
            }

            if (!isTime && path.Contains(".properties.", StringComparison.Ordinal)
                && (named.EndsWith("At", StringComparison.Ordinal) || named is "deadline" or "needsDecision"))
            {
                failures.Add($"{path}: a time without format date-time");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var milestone = document["components"]!["schemas"]!["Milestone"]!["properties"]!;
        Assert.Equal(["null", "string"], TypesOf(milestone["finishedAt"]!).Order(StringComparer.Ordinal));
        Assert.Equal(["string"], TypesOf(milestone["createdAt"]!));
    }

    [Fact]
    public async Task SchemaNames_AreShort_AndSuccessDataIsNeverNull()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();

        var tooLong = schemas.Select(s => s.Key).Where(n => n.Length > MaxSchemaNameLength).ToList();
        Assert.True(tooLong.Count == 0, "longer than 30 characters: " + string.Join(", ", tooLong));
        foreach (var expected in (string[])["Goal", "GoalData", "GoalList", "Milestone", "MilestoneList", "ApiKey", "User"])
        {
            Assert.True(schemas.ContainsKey(expected), $"no schema {expected}: {string.Join(", ", schemas.Select(s => s.Key))}");
        }

        foreach (var (name, status, response) in Responses(document).Where(r => r.Status.StartsWith('2')))
        {
            var data = Resolve(document, response["content"]!["application/json"]!["schema"]!)["properties"]?["data"];
            Assert.True(data is not null, $"{name} {status}: no data");
            Assert.False(data["oneOf"] is not null || TypesOf(data).Contains("null"), $"{name} {status}: data may be null");
        }
    }

    [Fact]
    public async Task RequiredRequestFields_AreNeverNull()
    {
        var document = await DocumentAsync();

        var nullable = new List<string>();
        foreach (var (path, schema) in Schemas(document).Where(s => s.Path.EndsWith("Request", StringComparison.Ordinal)))
        {
            foreach (var required in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
            {
                if (TypesOf(schema["properties"]![required]!).Contains("null"))
                {
                    nullable.Add($"{path}.{required}");
                }
            }
        }

        Assert.True(nullable.Count == 0, "required but nullable: " + string.Join(", ", nullable));
    }

    [Fact]
    public async Task ErrorExamples_AreTheEndpointsOwn()
    {
        var document = await DocumentAsync();

        Assert.Equal("ids must list every milestone of the goal exactly once",
            FirstError(document, "/api/v1/goals/{goalId}/milestones/order", "put", "400"));
        Assert.Equal("API key not found", FirstError(document, "/api/v1/api-keys/{keyId}", "delete", "404"));
        Assert.Equal("Milestone not found",
            FirstError(document, "/api/v1/goals/{goalId}/milestones/{milestoneId}", "get", "404"));
        Assert.Equal("Goal not found", FirstError(document, "/api/v1/goals/{goalId}", "get", "404"));
        Assert.Equal("title is required and must be a string", FirstError(document, "/api/v1/goals", "post", "400"));

        var scopeRefusal = ExamplesOf(Media(document, "/api/v1/goals/{goalId}/milestones/order", "put", "403"))
            .Select(e => e.Example).Single(e => e?["requiredScopes"] is not null)!;
        Assert.Equal("Forbidden", scopeRefusal["error"]!.GetValue<string>());
        Assert.Equal(["milestones:write"], scopeRefusal["requiredScopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        // The caller's own keys need no scope, so no 403 for a missing one is documented there.
        Assert.Null(document["paths"]!["/api/v1/api-keys"]!["get"]!["responses"]!["403"]);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = app.CreateClient();
        var text = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        return JsonNode.Parse(text)!;
    }

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                yield return ($"{method.ToUpperInvariant()} {path}", operation!.AsObject());
            }
        }
    }

    private static IEnumerable<(string Name, string Status, JsonObject Response)> Responses(JsonNode document) =>
        Operations(document).SelectMany(o => o.Operation["responses"]!.AsObject()
            .Select(r => (o.Name, r.Key, r.Value!.AsObject())));

    private static JsonObject Media(JsonNode document, string path, string method, string status) =>
        document["paths"]![path]![method]!["responses"]![status]!["content"]!["application/json"]!.AsObject();

    private static string FirstError(JsonNode document, string path, string method, string status) =>
        ExamplesOf(Media(document, path, method, status))[0].Example!["error"]!.GetValue<string>();

    /// <summary><c>example</c>, or each value of <c>examples</c>, in order.</summary>
    private static List<(string Label, JsonNode? Example)> ExamplesOf(JsonNode media)
    {
        if (media["example"] is { } example)
        {
            return [("example", example)];
        }

        return media["examples"] is JsonObject examples
            ? [.. examples.Select(e => (e.Key, e.Value?["value"]))]
            : [];
    }

    /// <summary>Every schema in the document, components first, with a readable path.</summary>
    private static IEnumerable<(string Path, JsonObject Schema)> Schemas(JsonNode document)
    {
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            foreach (var nested in Walk(schema!.AsObject(), name))
            {
                yield return nested;
            }
        }

        foreach (var (name, status, response) in Responses(document))
        {
            if (response["content"]?["application/json"]?["schema"] is JsonObject schema)
            {
                foreach (var nested in Walk(schema, $"{name} {status}"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static IEnumerable<(string Path, JsonObject Schema)> Walk(JsonObject schema, string path)
    {
        yield return (path, schema);
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            foreach (var nested in Walk(property!.AsObject(), $"{path}.properties.{name}"))
            {
                yield return nested;
            }
        }

        if (schema["items"] is JsonObject items)
        {
            foreach (var nested in Walk(items, path + ".items"))
            {
                yield return nested;
            }
        }

        foreach (var keyword in (string[])["oneOf", "anyOf", "allOf"])
        {
            var i = 0;
            foreach (var choice in schema[keyword]?.AsArray() ?? [])
            {
                foreach (var nested in Walk(choice!.AsObject(), $"{path}.{keyword}[{i++}]"))
                {
                    yield return nested;
                }
            }
        }
    }

    private static HashSet<string> TypesOf(JsonNode schema) => schema["type"] switch
    {
        JsonArray types => [.. types.Select(t => t!.GetValue<string>())],
        JsonValue type => [type.GetValue<string>()],
        _ => [],
    };

    private static JsonNode Resolve(JsonNode document, JsonNode schema)
    {
        while (schema["$ref"]?.GetValue<string>() is { } reference)
        {
            schema = document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!;
        }

        return schema;
    }

    /// <summary>
    /// A loose JSON Schema check, enough for our documents: $ref, oneOf/anyOf/allOf, enum, type (with null),
    /// required and declared properties of objects, array items, and the date-time format.
    /// </summary>
    private static void Validate(JsonNode document, JsonNode schema, JsonNode? value, string path, List<string> failures,
        bool checkFormats)
    {
        schema = Resolve(document, schema);
        foreach (var part in schema["allOf"]?.AsArray() ?? [])
        {
            Validate(document, part!, value, path, failures, checkFormats);
        }

        var choices = schema["oneOf"]?.AsArray() ?? schema["anyOf"]?.AsArray();
        if (choices is not null && !choices.Any(c => Fits(document, c!, value, checkFormats)))
        {
            failures.Add($"{path}: fits none of its choices: {value?.ToJsonString()}");
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            failures.Add($"{path}: {value?.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }

        var types = TypesOf(schema);
        var kind = KindOf(value);
        if (types.Count > 0 && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
        {
            failures.Add($"{path}: {kind} where the schema says [{string.Join(", ", types)}]");
            return;
        }

        if (checkFormats && kind == "string" && schema["format"]?.GetValue<string>() == "date-time"
            && !DateTime().IsMatch(value!.GetValue<string>()))
        {
            failures.Add($"{path}: \"{value}\" is not a date-time");
        }

        if (value is JsonObject fields && schema["properties"] is JsonObject properties)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!fields.ContainsKey(required!.GetValue<string>()))
                {
                    failures.Add($"{path}: lacks required {required}");
                }
            }

            foreach (var (name, field) in fields)
            {
                if (properties[name] is { } property)
                {
                    Validate(document, property, field, $"{path}.{name}", failures, checkFormats);
                }
                else
                {
                    failures.Add($"{path}: {name} is not in the schema");
                }
            }
        }

        if (value is JsonArray items && schema["items"] is { } itemSchema)
        {
            var i = 0;
            foreach (var item in items)
            {
                Validate(document, itemSchema, item, $"{path}[{i++}]", failures, checkFormats);
            }
        }
    }

    private static bool Fits(JsonNode document, JsonNode schema, JsonNode? value, bool checkFormats)
    {
        var failures = new List<string>();
        Validate(document, schema, value, "", failures, checkFormats);
        return failures.Count == 0;
    }

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.String => "string",
        JsonValueKind.Number => value.GetValue<JsonElement>().TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTime();
}
