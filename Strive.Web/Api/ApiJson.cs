using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Strive.Web.Api;

/// <summary>The wire format of the API (docs/api/API.md "Basics"): camelCase, lower-case enums, UTC times with milliseconds.</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcMillisecondsConverter());
    }

    /// <summary>"2026-03-31T23:59:59.999Z": always UTC, always three fraction digits, always Z.</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads an ISO 8601 date or date-time ("2026-03-31", "2026-03-31T10:00:00+02:00"); a value without
    /// an offset is taken as UTC. Other formats the framework would guess at ("03/31/2026") are refused.
    /// </summary>
    public static bool TryParseTime(string? text, out DateTimeOffset value)
    {
        value = default;
        return text is { Length: >= 10 } && char.IsAsciiDigit(text[0]) && text[4] == '-' && text[7] == '-'
            && (text.Length == 10 || text[10] == 'T' || text[10] == 't' || text[10] == ' ')
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>Nullable values use this converter too: System.Text.Json wraps it for DateTimeOffset?.</summary>
    private sealed class UtcMillisecondsConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            TryParseTime(reader.GetString(), out var value)
                ? value
                : throw new JsonException("Expected an ISO 8601 date.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(FormatTime(value));
    }
}
