using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Strive.Web.Api;

/// <summary>
/// An example on every success response of the OpenAPI document, written from the response's own schema, so
/// an endpoint added later gets one too and an example cannot name a field its schema lacks. Known schemas
/// take their values from <see cref="Samples"/> (one goal, one milestone, ... that read like real data); any
/// field without a sample gets a plain value of its type.
/// </summary>
internal static class ApiOpenApiExamples
{
    private const string Time = "2026-03-31T23:59:59.999Z";
    private const int MaxDepth = 8;

    /// <summary>Realistic values by schema name (see <see cref="ApiOpenApiSchemas.ReferenceId"/>) and field.</summary>
    private static readonly Dictionary<string, JsonObject> Samples = new()
    {
        ["Goal"] = new()
        {
            ["id"] = "Gq3vT8kLm2Rx7YwZ1aBc",
            ["title"] = "Run a half marathon",
            ["description"] = "Under two hours, by October.",
            ["isPublic"] = false,
            ["status"] = "pending",
            ["deadline"] = "2026-10-01T23:59:59.999Z",
            ["numberOfAchievers"] = 1,
            ["numberOfSupporters"] = 2,
            ["tasksTotal"] = 5,
            ["tasksCompleted"] = 2,
            ["createdAt"] = "2026-03-01T08:15:30.000Z",
            ["updatedAt"] = "2026-03-20T18:42:05.120Z",
        },
        ["Milestone"] = new()
        {
            ["id"] = "Mk4pW9sQe1Tz6UvX2nDf",
            ["content"] = "Complete first 5K run",
            ["description"] = "Any pace, no walking breaks.",
            ["status"] = "succeeded",
            ["order"] = 0,
            ["deadline"] = Time,
            ["subtasks"] = new JsonArray(new JsonObject { ["content"] = "Buy shoes", ["completed"] = true }),
            ["finishedAt"] = "2026-03-28T07:30:12.480Z",
            ["createdAt"] = "2026-03-01T08:16:02.000Z",
            ["updatedAt"] = "2026-03-28T07:30:12.480Z",
        },
        ["Subtask"] = new() { ["content"] = "Buy shoes", ["completed"] = true },
        ["DeletedMilestone"] = new() { ["id"] = "Mk4pW9sQe1Tz6UvX2nDf", ["deleted"] = true },
        ["DeletedGoal"] = new() { ["id"] = "Gq3vT8kLm2Rx7YwZ1aBc", ["deleted"] = true },
        ["ExportedStakeholder"] = new() { ["name"] = "Ada", ["roles"] = new JsonArray("admin", "achiever", "spectator") },
        ["GoalEvent"] = new()
        {
            ["id"] = "Ev2bN4mQ6wE8rT0yU1iO",
            ["type"] = "milestoneCreated",
            ["actorName"] = "Ada",
            ["milestoneId"] = "Mk4pW9sQe1Tz6UvX2nDf",
            ["detail"] = "Complete first 5K run",
            ["createdAt"] = "2026-03-01T08:16:02.000Z",
        },
        ["Support"] = new()
        {
            ["id"] = "Sp7hJ2dFg5Kl8ZxC3vBn",
            ["goalId"] = "Gq3vT8kLm2Rx7YwZ1aBc",
            ["milestoneId"] = "Mk4pW9sQe1Tz6UvX2nDf",
            ["description"] = "I'll run the 5K with you.",
            ["status"] = "open",
            ["needsDecision"] = null,
            ["supporterId"] = "Us1aS2dF3gH4jK5lZ6xC",
            ["createdAt"] = "2026-03-02T10:00:00.000Z",
            ["updatedAt"] = "2026-03-02T10:00:00.000Z",
        },
        ["User"] = new()
        {
            ["id"] = "Us1aS2dF3gH4jK5lZ6xC",
            ["email"] = "ada@example.com",
            ["displayName"] = "Ada",
            ["createdAt"] = "2026-01-15T09:00:00.000Z",
        },
        ["ApiKey"] = new()
        {
            ["id"] = "Ak9mN8bV7cX6zL5kJ4hG",
            ["name"] = "CI",
            ["prefix"] = "sk_live_3f9a1c2b",
            ["scopes"] = new JsonArray("goals:read", "milestones:read"),
            ["expiresAt"] = null,
            ["createdAt"] = "2026-03-01T08:00:00.000Z",
            ["lastUsedAt"] = "2026-03-31T06:12:44.091Z",
        },
        ["CreatedApiKey"] = new()
        {
            ["key"] = "sk_live_3f9a1c2b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8",
        },
        ["RevokedApiKey"] = new() { ["id"] = "Ak9mN8bV7cX6zL5kJ4hG", ["revoked"] = true },
        ["Post"] = new()
        {
            ["id"] = "Pt5rE4wQ3aS2dF1gH0jK",
            ["goalId"] = "Gq3vT8kLm2Rx7YwZ1aBc",
            ["uid"] = "Us1aS2dF3gH4jK5lZ6xC",
            ["description"] = "Ran 12 km along the river.",
            ["url"] = "https://fittrack.example/activities/42",
            ["milestoneId"] = "Mk4pW9sQe1Tz6UvX2nDf",
            ["date"] = "2026-03-14T07:05:00.000Z",
            ["media"] = new JsonArray(new JsonObject
            {
                ["id"] = "Md2fG3hJ4kL5zX6cV7bN",
                ["url"] = "/media/Md2fG3hJ4kL5zX6cV7bN",
                ["contentType"] = "image/jpeg",
                ["width"] = 1600,
                ["height"] = 1200,
            }),
            ["source"] = "fittrack",
            ["externalId"] = "run-42",
            ["createdAt"] = "2026-03-14T09:00:00.000Z",
            ["updatedAt"] = "2026-03-14T09:00:00.000Z",
        },
        ["PostMedia"] = new()
        {
            ["id"] = "Md2fG3hJ4kL5zX6cV7bN",
            ["url"] = "/media/Md2fG3hJ4kL5zX6cV7bN",
            ["contentType"] = "image/jpeg",
            ["width"] = 1600,
            ["height"] = 1200,
        },
        ["DeletedPost"] = new() { ["id"] = "Pt5rE4wQ3aS2dF1gH0jK", ["deleted"] = true },
    };

    public static Task AddSuccessExamplesAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context,
        CancellationToken cancellationToken)
    {
        var schemas = document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('2') && response.Content is { } content
                    && content.TryGetValue("application/json", out var media)
                    && media.Example is null && media.Examples is not { Count: > 0 } && media.Schema is { } schema)
                {
                    media.Example = ExampleOf(schema, schemas, sample: null, MaxDepth);
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A value that fits <paramref name="schema"/>, preferring <paramref name="sample"/> where it has one.</summary>
    public static JsonNode? ExampleOf(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas,
        JsonNode? sample, int depth)
    {
        if (depth == 0)
        {
            return null;
        }

        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id
            && schemas.TryGetValue(id, out var target))
        {
            return ExampleOf(target, schemas, sample ?? Samples.GetValueOrDefault(id), depth - 1);
        }

        if (sample is not null and not JsonObject)
        {
            return sample.DeepClone();
        }

        var choices = (schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
            .Where(c => c.Type != JsonSchemaType.Null).ToList();
        if (choices.Count > 0 && schema.Properties is not { Count: > 0 })
        {
            return ExampleOf(choices[0], schemas, sample, depth - 1);
        }

        if (schema.Enum is { Count: > 0 } allowed)
        {
            return allowed.FirstOrDefault(v => v is not null)?.DeepClone();
        }

        if (schema.Examples is { Count: > 0 } examples && examples[0] is { } given)
        {
            return given.DeepClone();
        }

        var type = schema.Type ?? default;
        if (type.HasFlag(JsonSchemaType.Object) || schema.Properties is { Count: > 0 })
        {
            var values = sample as JsonObject;
            var result = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
            {
                result[name] = values is not null && values.TryGetPropertyValue(name, out var value)
                    ? value?.DeepClone()
                    : ExampleOf(property, schemas, null, depth - 1);
            }

            return result;
        }

        if (type.HasFlag(JsonSchemaType.Array))
        {
            var item = schema.Items is null ? null : ExampleOf(schema.Items, schemas, null, depth - 1);
            return item is null ? new JsonArray() : new JsonArray(item);
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            return schema.Format == "date-time" ? Time : "text";
        }

        if (type.HasFlag(JsonSchemaType.Integer))
        {
            return 1;
        }

        if (type.HasFlag(JsonSchemaType.Number))
        {
            return 1.5;
        }

        return type.HasFlag(JsonSchemaType.Boolean) ? true : null;
    }
}
