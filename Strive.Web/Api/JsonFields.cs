using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.OpenApi;
using Strive.Domain.Common;

namespace Strive.Web.Api;

/// <summary>
/// What one field accepts, in JSON Schema's terms. The parser reads through the field that carries it
/// and the OpenAPI request schema is written from it, so the two cannot tell different stories.
/// </summary>
/// <param name="Types">The JSON types the parser takes; <see cref="JsonSchemaType.Null"/> when null is accepted.</param>
/// <param name="Example">A JSON value the parser accepts, of the field's main type.</param>
public sealed record FieldSchema(JsonSchemaType Types, string Example)
{
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>A JSON Schema format (<c>date-time</c>): what typed clients send; the parser may take more.</summary>
    public string? Format { get; init; }
    public int? Minimum { get; init; }
    public FieldSchema? Items { get; init; }

    /// <summary>For objects (array items): their fields, in the order they are read.</summary>
    public IReadOnlyList<RequestField>? Properties { get; init; }

    public string? Description { get; init; }
}

/// <summary>Whether a body must carry the field, and who says so.</summary>
public enum Presence
{
    Optional,

    /// <summary>The parser refuses a body without it, with the field's missing message.</summary>
    Required,

    /// <summary>Documented as required, but the service decides (its message and its order of checks).</summary>
    RequiredByService,
}

/// <summary>One named field of a request object: its name, whether it must be there, and what it accepts.</summary>
public abstract class RequestField(string name, Presence presence, FieldSchema schema, string missingMessage)
{
    public string Name { get; } = name;
    public Presence Presence { get; } = presence;
    public FieldSchema Schema { get; } = schema;

    /// <summary>The error when <see cref="Presence.Required"/> and the field is absent.</summary>
    public string MissingMessage { get; } = missingMessage;

    /// <summary>Documented as required, whoever checks it.</summary>
    public bool IsRequired => Presence != Presence.Optional;

    private readonly List<string> _refusals = [missingMessage];

    /// <summary>
    /// Every 400 this field can answer: its missing or wrong-type message, undecodable text, and what the
    /// domain refuses of its value (<see cref="RequestFieldRefusals.Refusing{TField}"/>). The OpenAPI
    /// document lists them under the 400 of every operation whose body holds the field.
    /// </summary>
    public IReadOnlyList<string> Refusals => _refusals;

    internal void AddRefusals(IEnumerable<string> messages) =>
        _refusals.AddRange(messages.Where(m => !_refusals.Contains(m)));

    public override string ToString() => Name;
}

/// <summary>A field that reads a present JSON value into a <typeparamref name="T"/>, or names what is wrong.</summary>
public sealed class Field<T>(string name, Presence presence, FieldSchema schema, string missingMessage,
    Func<JsonElement, FieldResult<T>> read) : RequestField(name, presence, schema, missingMessage)
{
    public FieldResult<T> Read(JsonElement value) => read(value);
}

/// <summary>A value, or the message that says why there is none. Never thrown.</summary>
public readonly record struct FieldResult<T>
{
    private FieldResult(T value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T Value { get; }

    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsOk => Error is null;

    public static FieldResult<T> Ok(T value) => new(value, null);

    public static FieldResult<T> Fail(string error) => new(default!, error);
}

/// <summary>
/// The kinds of field the API reads. Each checks the JSON type, then the value, and answers the
/// documented message naming the field; text that cannot be decoded is refused, never thrown on.
/// </summary>
public static class JsonFields
{
    public const string DateExample = "\"2026-03-31T23:59:59.999Z\"";

    public static string InvalidText(string name) => $"{name} must be valid UTF-8 text";

    /// <summary>A string; null too when <paramref name="nullable"/> (a null string means "clear it").</summary>
    /// <param name="label">The field named by the undecodable-text message, when not <paramref name="name"/>
    /// (a field of an array item names the array).</param>
    public static Field<string?> Text(string name, string message, bool nullable = false,
        Presence presence = Presence.Optional, string example = "\"text\"", string? label = null) =>
        new Field<string?>(name, presence, new FieldSchema(JsonSchemaType.String | (nullable ? JsonSchemaType.Null : default), example), message,
            value => value.ValueKind switch
            {
                JsonValueKind.String => TryGetText(value, out var text)
                    ? FieldResult<string?>.Ok(text)
                    : FieldResult<string?>.Fail(InvalidText(label ?? name)),
                JsonValueKind.Null when nullable => FieldResult<string?>.Ok(null),
                _ => FieldResult<string?>.Fail(message),
            }).Refusing(InvalidText(label ?? name));

    public static Field<bool> Boolean(string name, string message) =>
        new(name, Presence.Optional, new FieldSchema(JsonSchemaType.Boolean, "true"), message, value => value.ValueKind switch
        {
            JsonValueKind.True => FieldResult<bool>.Ok(true),
            JsonValueKind.False => FieldResult<bool>.Ok(false),
            _ => FieldResult<bool>.Fail(message),
        });

    /// <summary>An ISO 8601 date or date-time (<see cref="ApiJson.TryParseTime"/>), or null.</summary>
    public static Field<DateTimeOffset?> Time(string name, string message) =>
        new Field<DateTimeOffset?>(name, Presence.Optional, new FieldSchema(JsonSchemaType.String | JsonSchemaType.Null, DateExample)
        {
            // Typed clients send a full date-time; a bare date is accepted too, as the description says.
            Format = "date-time",
            Description = "An ISO 8601 date or date-time (`2026-03-31`, `2026-03-31T10:00:00Z`); without an offset it is UTC.",
        }, message, value =>
        {
            if (value.ValueKind == JsonValueKind.Null)
            {
                return FieldResult<DateTimeOffset?>.Ok(null);
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                return FieldResult<DateTimeOffset?>.Fail(message);
            }

            if (!TryGetText(value, out var text))
            {
                return FieldResult<DateTimeOffset?>.Fail(InvalidText(name));
            }

            return ApiJson.TryParseTime(text, out var time)
                ? FieldResult<DateTimeOffset?>.Ok(time)
                : FieldResult<DateTimeOffset?>.Fail(message);
        }).Refusing(InvalidText(name));

    /// <summary>A position: a non-negative whole number; one past the end (or far past it) means the end.</summary>
    public static Field<int> Position(string name, string message) =>
        new(name, Presence.Optional, new FieldSchema(JsonSchemaType.Integer, "1") { Minimum = 0 }, message,
            value => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
                && number >= 0 && number == decimal.Truncate(number)
                    ? FieldResult<int>.Ok((int)Math.Min(number, int.MaxValue))
                    : FieldResult<int>.Fail(message));

    /// <summary>One of the enum's names, camelCase on the wire (read without regard to case).</summary>
    public static Field<TEnum> Enum<TEnum>(string name, string message)
        where TEnum : struct, System.Enum
    {
        var names = System.Enum.GetValues<TEnum>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))
            .ToList();
        return new Field<TEnum>(name, Presence.Optional, new FieldSchema(JsonSchemaType.String, $"\"{names[0]}\"") { Enum = names },
            message, value =>
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    return FieldResult<TEnum>.Fail(message);
                }

                if (!TryGetText(value, out var text))
                {
                    return FieldResult<TEnum>.Fail(InvalidText(name));
                }

                foreach (var candidate in System.Enum.GetValues<TEnum>())
                {
                    if (string.Equals(candidate.ToString(), text, StringComparison.OrdinalIgnoreCase))
                    {
                        return FieldResult<TEnum>.Ok(candidate);
                    }
                }

                return FieldResult<TEnum>.Fail(message);
            }).Refusing(InvalidText(name));
    }

    /// <summary>An array of strings; anything else, null included, is the given message.</summary>
    public static Field<IReadOnlyList<string>> Strings(string name, string message, Presence presence,
        string example) =>
        new Field<IReadOnlyList<string>>(name, presence, new FieldSchema(JsonSchemaType.Array, example) { Items = new FieldSchema(JsonSchemaType.String, "\"text\"") },
            message, value =>
            {
                if (value.ValueKind != JsonValueKind.Array
                    || value.EnumerateArray().Any(item => item.ValueKind != JsonValueKind.String))
                {
                    return FieldResult<IReadOnlyList<string>>.Fail(message);
                }

                var items = new List<string>(value.GetArrayLength());
                foreach (var item in value.EnumerateArray())
                {
                    if (!TryGetText(item, out var text))
                    {
                        return FieldResult<IReadOnlyList<string>>.Fail(InvalidText(name));
                    }

                    items.Add(text);
                }

                return FieldResult<IReadOnlyList<string>>.Ok(items);
            }).Refusing(InvalidText(name));

    /// <summary>
    /// The text of a JSON string, or false when it cannot be decoded: bytes that are not UTF-8, or an
    /// escape of half a surrogate pair ("\ud800"). <see cref="JsonElement.GetString"/> throws on both.
    /// </summary>
    public static bool TryGetText(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"')
        {
            raw = raw[1..^1];
        }

        if (!IsDecodable(raw))
        {
            return false;
        }

        text = value.GetString()!;
        return true;
    }

    /// <summary>
    /// The object's property called <paramref name="name"/> (the last, if repeated, as
    /// <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> answers). Unlike that method it
    /// never throws: a property whose name cannot be decoded is no field we know, so it is skipped like
    /// any unknown field.
    /// </summary>
    public static bool TryGetField(JsonElement body, string name, out JsonElement value)
    {
        value = default;
        var found = false;
        foreach (var property in body.EnumerateObject())
        {
            if (IsDecodable(JsonMarshal.GetRawUtf8PropertyName(property)) && property.NameEquals(name))
            {
                value = property.Value;
                found = true;
            }
        }

        return found;
    }

    /// <summary>Raw string contents (between the quotes, escapes as written) that decode to text.</summary>
    private static bool IsDecodable(ReadOnlySpan<byte> raw) => Utf8.IsValid(raw) && HasOnlyPairedSurrogateEscapes(raw);

    /// <summary>
    /// Every \uD800-\uDBFF escape is followed at once by a \uDC00-\uDFFF escape, and no low half stands
    /// alone. Raw UTF-8 cannot carry surrogates (Utf8.IsValid refuses them), so escapes are all to check.
    /// The reader has already checked the escapes' syntax.
    /// </summary>
    private static bool HasOnlyPairedSurrogateEscapes(ReadOnlySpan<byte> raw)
    {
        var i = 0;
        while (i < raw.Length)
        {
            if (raw[i] != (byte)'\\')
            {
                i++;
                continue;
            }

            if (raw[i + 1] != (byte)'u')
            {
                i += 2;
                continue;
            }

            var unit = CodeUnit(raw.Slice(i + 2, 4));
            i += 6;
            if (char.IsLowSurrogate(unit))
            {
                return false;
            }

            if (char.IsHighSurrogate(unit))
            {
                if (i + 6 > raw.Length || raw[i] != (byte)'\\' || raw[i + 1] != (byte)'u'
                    || !char.IsLowSurrogate(CodeUnit(raw.Slice(i + 2, 4))))
                {
                    return false;
                }

                i += 6;
            }
        }

        return true;
    }

    private static char CodeUnit(ReadOnlySpan<byte> hex)
    {
        var unit = 0;
        foreach (var digit in hex)
        {
            unit = (unit << 4) | (digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10);
        }

        return (char)unit;
    }
}

/// <summary>How a field declares the refusals its value can meet beyond its JSON type.</summary>
public static class RequestFieldRefusals
{
    /// <summary>The domain's refusals of this field's value (too long, control characters...), for the OpenAPI document.</summary>
    public static TField Refusing<TField>(this TField field, params DomainError[] errors)
        where TField : RequestField
    {
        ArgumentNullException.ThrowIfNull(field);
        field.AddRefusals(errors.Select(e => e.Message));
        return field;
    }

    /// <summary>Messages this field's own reader answers besides its type message.</summary>
    public static TField Refusing<TField>(this TField field, params string[] messages)
        where TField : RequestField
    {
        ArgumentNullException.ThrowIfNull(field);
        field.AddRefusals(messages);
        return field;
    }
}
