using System.Diagnostics.CodeAnalysis;

namespace Strive.Domain.Common;

/// <summary>Either a value or a <see cref="DomainError"/>; outcomes are values, not exceptions.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, DomainError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public DomainError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(DomainError error) => new(default, error);

#pragma warning disable CA2225 // Named alternates exist: Success and Failure.
    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(DomainError error) => Failure(error);
#pragma warning restore CA2225
}
