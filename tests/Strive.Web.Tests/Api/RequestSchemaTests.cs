using System.Text.Json;
using System.Text.Json.Nodes;
using Strive.Web.Api;
using Strive.Web.Api.V1;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>
/// The request schemas in /openapi/v1.json accept exactly what the parsers accept: for every property
/// (and every property of an array item) and every JSON type, a body carrying a value of that type
/// parses exactly when the schema lists the type. Required fields the parser checks are refused when absent.
/// </summary>
public sealed class RequestSchemaTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    /// <summary>One row per request shape: the operation that takes it, its declaration, its parser.</summary>
    private static readonly Dictionary<string, (RequestShape Shape, Func<JsonElement, string?> Parse)> Bodies = new()
    {
        ["CreateGoal"] = (GoalRequests.New, b => GoalRequests.ParseNew(b).Error?.Message),
        ["UpdateGoal"] = (GoalRequests.Changes, b => GoalRequests.ParseChanges(b).Error?.Message),
        ["CreateMilestone"] = (MilestoneRequests.New, b => MilestoneRequests.ParseNew(b).Error?.Message),
        ["UpdateMilestone"] = (MilestoneRequests.Changes, b => MilestoneRequests.ParseChanges(b).Error?.Message),
        ["ReorderMilestones"] = (MilestoneRequests.Reorder, b => MilestoneRequests.ParseOrder(b).Error?.Message),
        ["CreateApiKey"] = (ApiKeysEndpoints.NewKey, b => ApiKeysEndpoints.ParseNew(b).Error?.Message),
        ["CreateSupport"] = (SupportRequests.New, b => SupportRequests.ParseNew(b).Error?.Message),
        ["DecideSupport"] = (SupportRequests.Decision, b => SupportRequests.ParseDecision(b).Error?.Message),
        ["CreatePost"] = (PostRequests.New, b => PostRequests.ParseNew(b).Error?.Message),
        ["UpdatePost"] = (PostRequests.Changes, b => PostRequests.ParseChanges(b).Error?.Message),
        ["CreateReminder"] = (ReminderRequests.New, b => ReminderRequests.ParseNew(b).Error?.Message),
        ["UpdateReminder"] = (ReminderRequests.Changes, b => ReminderRequests.ParseChanges(b).Error?.Message),
    };

    private static readonly string[] JsonTypeNames = ["string", "integer", "number", "boolean", "array", "object", "null"];

    public static TheoryData<string> Operations => [.. Bodies.Keys];

    [Fact]
    public async Task EveryWriteOperation_HasARequestShapeRow()
    {
        using var document = await DocumentAsync();

        var writes = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                // JSON bodies: a photo upload (multipart/form-data) has no request shape to parse.
                if (operation.Name is "post" or "patch" or "put"
                    && operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out _))
                {
                    writes.Add(operation.Value.GetProperty("operationId").GetString()!);
                }
            }
        }

        Assert.Equal(Bodies.Keys.Order(StringComparer.Ordinal), writes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task RequestSchema_AcceptsExactlyWhatTheParserAccepts(string operationId)
    {
        var (shape, parse) = Bodies[operationId];
        using var document = await DocumentAsync();
        var schema = RequestSchema(document.RootElement, operationId, shape.Name);
        var failures = new List<string>();

        Assert.Equal(shape.Fields.Select(f => f.Name), schema.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.Equal(shape.Fields.Where(f => f.IsRequired).Select(f => f.Name).Order(StringComparer.Ordinal),
            Required(schema).Order(StringComparer.Ordinal));

        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            ProbeTypes(property.Value, property.Name, value => BodyWith(schema, property.Name, value), parse, failures);
        }

        foreach (var field in shape.Fields.Where(f => f.Presence == Presence.Required))
        {
            var body = BodyWith(schema, field.Name, null);
            body.Remove(field.Name);
            if (Parse(parse, body) is null)
            {
                failures.Add($"{field.Name}: required, but a body without it parses");
            }
        }

        Assert.True(failures.Count == 0, $"{operationId} ({shape.Name}):\n" + string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task RequestExample_ParsesAndCarriesEveryField(string operationId)
    {
        var (shape, parse) = Bodies[operationId];
        using var document = await DocumentAsync();
        var schema = RequestSchema(document.RootElement, operationId, shape.Name);
        var everything = new JsonObject();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            everything[property.Name] = Example(property.Value);
        }

        Assert.Null(Parse(parse, everything));
    }

    /// <summary>
    /// Sends a value of each JSON type where <paramref name="schema"/> stands and compares what parses with
    /// the schema's types; then goes into array items and their properties.
    /// </summary>
    private static void ProbeTypes(JsonElement schema, string path, Func<JsonNode?, JsonObject> bodyWith,
        Func<JsonElement, string?> parse, List<string> failures)
    {
        var declared = TypesOf(schema);
        var accepted = JsonTypeNames.Where(type => Parse(parse, bodyWith(Sample(schema, type))) is null).ToList();
        var expected = JsonTypeNames.Where(declared.Contains).ToList();
        if (!accepted.SequenceEqual(expected))
        {
            failures.Add($"{path}: schema says [{string.Join(", ", expected)}], parser takes [{string.Join(", ", accepted)}]");
        }

        if (!schema.TryGetProperty("items", out var items))
        {
            return;
        }

        ProbeTypes(items, path + "[]", value => bodyWith(new JsonArray(value)), parse, failures);
        if (items.TryGetProperty("properties", out var itemProperties))
        {
            foreach (var property in itemProperties.EnumerateObject())
            {
                ProbeTypes(property.Value, $"{path}[].{property.Name}",
                    value => bodyWith(new JsonArray(BodyWith(items, property.Name, value))), parse, failures);
            }
        }
    }

    /// <summary>The object's required properties at their examples, and <paramref name="name"/> set to <paramref name="value"/>.</summary>
    private static JsonObject BodyWith(JsonElement objectSchema, string name, JsonNode? value)
    {
        var body = new JsonObject();
        foreach (var required in Required(objectSchema))
        {
            body[required] = Example(objectSchema.GetProperty("properties").GetProperty(required));
        }

        body[name] = value;
        return body;
    }

    /// <summary>A value of <paramref name="type"/>: the schema's own example when it is of that type.</summary>
    private static JsonNode? Sample(JsonElement schema, string type)
    {
        var example = Example(schema);
        if (example is not null && JsonTypeOf(example) == type)
        {
            return example;
        }

        return type switch
        {
            "string" => JsonValue.Create("text"),
            "integer" => JsonValue.Create(1),
            "number" => JsonValue.Create(1.5),
            "boolean" => JsonValue.Create(true),
            "array" => new JsonArray(),
            "object" => new JsonObject(),
            _ => null,
        };
    }

    private static string JsonTypeOf(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => node.GetValue<JsonElement>().TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static JsonNode? Example(JsonElement schema) =>
        schema.TryGetProperty("examples", out var examples) && examples.GetArrayLength() > 0
            ? JsonNode.Parse(examples[0].GetRawText())
            : schema.TryGetProperty("example", out var example) ? JsonNode.Parse(example.GetRawText()) : null;

    /// <summary>"type": "string" or ["null", "string"]; an enum's null member counts as null.</summary>
    private static HashSet<string> TypesOf(JsonElement schema)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.Array)
            {
                types.UnionWith(type.EnumerateArray().Select(t => t.GetString()!));
            }
            else
            {
                types.Add(type.GetString()!);
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.Null))
        {
            types.Add("null");
        }

        // JSON Schema: every integer is a number; "number" alone would take 1 as well as 1.5.
        if (types.Contains("number"))
        {
            types.Add("integer");
        }

        return types;
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [];

    private static string? Parse(Func<JsonElement, string?> parse, JsonObject body)
    {
        using var document = JsonDocument.Parse(body.ToJsonString());
        return parse(document.RootElement);
    }

    private static JsonElement RequestSchema(JsonElement document, string operationId, string componentName)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.TryGetProperty("operationId", out var id) && id.GetString() == operationId)
                {
                    var schema = operation.Value.GetProperty("requestBody").GetProperty("content")
                        .GetProperty("application/json").GetProperty("schema");
                    Assert.Equal($"#/components/schemas/{componentName}", schema.GetProperty("$ref").GetString());
                    return document.GetProperty("components").GetProperty("schemas").GetProperty(componentName);
                }
            }
        }

        Assert.Fail($"No operation {operationId} in the document.");
        return default;
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
