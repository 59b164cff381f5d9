using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Strive.Domain.Common;

/// <summary>
/// A bearer secret shown once and stored only as its SHA-256: a fixed prefix that says what it is, then 64
/// lowercase hex digits (256 random bits). API keys and invite links share the shape, so they share this.
/// </summary>
internal sealed class SecretTokenFormat(string prefix)
{
    public const int HexLength = 64;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public string Prefix { get; } = prefix;

    public string New() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(HexLength / 2));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public bool IsWellFormed(string? token) =>
        token is not null
        && token.Length == Prefix.Length + HexLength
        && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).ContainsAnyExcept(LowerHex) is false;
}
