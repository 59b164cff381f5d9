using System.Text.Json;
using Strive.Domain.Common;

namespace Strive.Web.Api;

/// <summary>
/// One request body: its name in the OpenAPI document and the fields its parser reads. Declared once
/// beside each endpoint's parser; <see cref="ApiOpenApi"/> writes the request schema from it.
/// </summary>
public sealed class RequestShape(string name, params RequestField[] fields)
{
    public string Name { get; } = name;

    public IReadOnlyList<RequestField> Fields { get; } = fields;

    public BodyReader Reader(JsonElement body) => new(body, this);

    public override string ToString() => Name;
}

/// <summary>
/// Reads the fields of one request object in turn. The first bad field's message wins: after it, reads
/// answer "absent" without looking, so a parser can read straight through and check <see cref="Error"/> once.
/// </summary>
public sealed class BodyReader(JsonElement body, RequestShape shape)
{
    public string? Error { get; private set; }

    public bool Failed => Error is not null;

    public DomainError? DomainError => Error is null ? null : Strive.Domain.Common.DomainError.Invalid(Error);

    /// <summary>Absent (or after an earlier error): None. Present and good: the value.</summary>
    public Optional<T> Read<T>(Field<T> field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (!shape.Fields.Contains(field))
        {
            // A parser reading a field its shape does not declare would drift from the OpenAPI schema.
            throw new InvalidOperationException($"{shape.Name} does not declare the field {field.Name}.");
        }

        if (Error is not null || !JsonFields.TryGetField(body, field.Name, out var value))
        {
            return Optional<T>.None;
        }

        var result = field.Read(value);
        if (!result.IsOk)
        {
            Error = result.Error;
            return Optional<T>.None;
        }

        return result.Value;
    }

    /// <summary>As <see cref="Read{T}"/>, and an absent <see cref="Presence.Required"/> field is its missing message.</summary>
    public Optional<T> ReadRequired<T>(Field<T> field)
    {
        var value = Read(field);
        if (!value.HasValue && Error is null && field.Presence == Presence.Required)
        {
            Error = field.MissingMessage;
        }

        return value;
    }

    /// <summary>A refusal found after reading (say, nothing to update): kept only when nothing came first.</summary>
    public void Fail(string message) => Error ??= message;
}
