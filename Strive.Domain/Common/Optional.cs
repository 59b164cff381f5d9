namespace Strive.Domain.Common;

/// <summary>
/// A field of a partial update: absent (leave as is) or present with a value, which may be null
/// ("deadline": null clears the deadline; a missing "deadline" keeps it).
/// </summary>
public readonly record struct Optional<T>
{
    private readonly T _value;

    public Optional(T value)
    {
        _value = value;
        HasValue = true;
    }

    public bool HasValue { get; }

    public T Value => HasValue ? _value : throw new InvalidOperationException("The optional has no value.");

    public static Optional<T> None => default;

#pragma warning disable CA2225 // The constructor is the named alternate.
    public static implicit operator Optional<T>(T value) => new(value);
#pragma warning restore CA2225
}
