using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Strive.Domain.Persistence;

/// <summary>
/// Stores times as Unix milliseconds. SQLite has no date type and EF Core cannot compare or sort
/// DateTimeOffset text there; integers compare correctly (the deadline scan and key expiry need that).
/// </summary>
public sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
