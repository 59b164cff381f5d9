using Strive.Domain.Common;

namespace Strive.Domain.Invitations;

/// <summary>Tokens are <c>inv_</c> and 64 lowercase hex digits (256 random bits); only their SHA-256 is stored.</summary>
internal static class InvitationTokens
{
    public const string Prefix = "inv_";
    public const int HexLength = SecretTokenFormat.HexLength;
    private static readonly SecretTokenFormat Format = new(Prefix);

    public static string NewToken() => Format.New();

    public static string Hash(string token) => SecretTokenFormat.Hash(token);

    public static bool IsWellFormed(string? token) => Format.IsWellFormed(token);
}
