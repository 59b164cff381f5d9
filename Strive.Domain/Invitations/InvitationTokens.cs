using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Strive.Domain.Invitations;

/// <summary>Tokens are <c>inv_</c> and 64 lowercase hex digits (256 random bits); only their SHA-256 is stored.</summary>
internal static class InvitationTokens
{
    public const string Prefix = "inv_";
    public const int HexLength = 64;
    private static readonly SearchValues<char> LowerHex = SearchValues.Create("0123456789abcdef");

    public static string NewToken() => Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(HexLength / 2));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool IsWellFormed(string? token) =>
        token is not null
        && token.Length == Prefix.Length + HexLength
        && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.AsSpan(Prefix.Length).ContainsAnyExcept(LowerHex) is false;
}
