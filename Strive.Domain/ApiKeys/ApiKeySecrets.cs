using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Strive.Domain.ApiKeys;

/// <summary>Raw keys are <c>sk_live_</c> and 64 lowercase hex digits; only their SHA-256 is stored.</summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "sk_live_";
    public const int HexLength = 64;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static string NewRawKey() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(HexLength / 2));

    public static string Hash(string rawKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rawKey)));

    public static bool IsWellFormed(string rawKey) =>
        rawKey.Length == Prefix.Length + HexLength
        && rawKey.StartsWith(Prefix, StringComparison.Ordinal)
        && rawKey.AsSpan(Prefix.Length).ContainsAnyExcept(LowerHex) is false;
}
