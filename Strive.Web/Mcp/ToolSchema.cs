using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Strive.Web.Api;

namespace Strive.Web.Mcp;

/// <summary>
/// A tool's input schema: its path ids, then the fields of the REST body, from the same
/// <see cref="FieldSchema"/> the parser reads through and the OpenAPI document is written from.
/// </summary>
public static class ToolSchema
{
    private static readonly (JsonSchemaType Flag, string Name)[] TypeNames =
    [
        (JsonSchemaType.String, "string"), (JsonSchemaType.Integer, "integer"), (JsonSchemaType.Number, "number"),
        (JsonSchemaType.Boolean, "boolean"), (JsonSchemaType.Object, "object"), (JsonSchemaType.Array, "array"),
        (JsonSchemaType.Null, "null"),
    ];

    public static JsonElement For(McpTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var key in tool.Keys)
        {
            properties[key.Name] = new JsonObject { ["type"] = "string", ["description"] = key.Description };
            required.Add(key.Name);
        }

        foreach (var field in tool.Body?.Fields ?? [])
        {
            var node = Describe(field.Schema);
            if (tool.Fields.TryGetValue(field.Name, out var meaning))
            {
                node["description"] = meaning;
            }

            properties[field.Name] = node;
            if (field.IsRequired)
            {
                required.Add(field.Name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return JsonSerializer.SerializeToElement(schema);
    }

    private static JsonObject Describe(FieldSchema field)
    {
        var names = TypeNames.Where(t => field.Types.HasFlag(t.Flag)).Select(t => (JsonNode?)t.Name).ToArray();
        var node = new JsonObject { ["type"] = names.Length == 1 ? names[0]!.DeepClone() : new JsonArray(names) };
        if (field.Description is { } description)
        {
            node["description"] = description;
        }

        if (field.Format is { } format)
        {
            node["format"] = format;
        }

        if (field.Enum is { } values)
        {
            node["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
        }

        if (field.Minimum is { } minimum)
        {
            node["minimum"] = minimum;
        }

        if (field.Items is { } items)
        {
            node["items"] = Describe(items);
        }

        if (field.Properties is { } fields)
        {
            node["properties"] = new JsonObject(fields.Select(f =>
                KeyValuePair.Create(f.Name, (JsonNode?)Describe(f.Schema))));
            node["required"] = new JsonArray([.. fields.Where(f => f.IsRequired).Select(f => (JsonNode?)f.Name)]);
        }

        node["examples"] = new JsonArray(JsonNode.Parse(field.Example));
        return node;
    }
}
