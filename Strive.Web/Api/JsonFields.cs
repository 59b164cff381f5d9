using System.Text.Json;
using Strive.Domain.Common;

namespace Strive.Web.Api;

/// <summary>
/// Typed reads of one field of a request object. Each answers "absent", a value, or the
/// documented message naming the field; unknown fields are never looked at.
/// </summary>
public static class JsonFields
{
    /// <summary>Thrown inside a request parser to stop at the first bad field; caught by the parser itself.</summary>
    public sealed class FieldException(string message) : Exception(message);

    public static bool Has(JsonElement body, string name, out JsonElement value) =>
        body.TryGetProperty(name, out value);

    public static Optional<string?> NullableText(JsonElement body, string name, string message)
    {
        if (!Has(body, name, out var value))
        {
            return Optional<string?>.None;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null => new Optional<string?>(null),
            _ => throw new FieldException(message),
        };
    }

    public static Optional<string?> Text(JsonElement body, string name, string message)
    {
        if (!Has(body, name, out var value))
        {
            return Optional<string?>.None;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw new FieldException(message);
    }

    public static Optional<DateTimeOffset?> Time(JsonElement body, string name, string message)
    {
        if (!Has(body, name, out var value))
        {
            return Optional<DateTimeOffset?>.None;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            return new Optional<DateTimeOffset?>(null);
        }

        return value.ValueKind == JsonValueKind.String && ApiJson.TryParseTime(value.GetString(), out var time)
            ? new Optional<DateTimeOffset?>(time)
            : throw new FieldException(message);
    }

    /// <summary>A position: a non-negative whole number; one past the end (or far past it) means the end.</summary>
    public static Optional<int> Position(JsonElement body, string name, string message)
    {
        if (!Has(body, name, out var value))
        {
            return Optional<int>.None;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            && number >= 0 && number == decimal.Truncate(number))
        {
            return (int)Math.Min(number, int.MaxValue);
        }

        throw new FieldException(message);
    }

    public static Optional<TEnum> Enum<TEnum>(JsonElement body, string name, string message)
        where TEnum : struct, System.Enum
    {
        if (!Has(body, name, out var value))
        {
            return Optional<TEnum>.None;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new FieldException(message);
    }

    /// <summary>An array of strings, or null when absent; anything else is the given message.</summary>
    public static IReadOnlyList<string>? Strings(JsonElement body, string name, string message)
    {
        if (!Has(body, name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array
            || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
        {
            throw new FieldException(message);
        }

        return [.. value.EnumerateArray().Select(item => item.GetString()!)];
    }
}
