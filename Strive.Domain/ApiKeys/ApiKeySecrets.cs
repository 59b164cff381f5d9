using Strive.Domain.Common;

namespace Strive.Domain.ApiKeys;

/// <summary>Raw keys are <c>sk_live_</c> and 64 lowercase hex digits; only their SHA-256 is stored.</summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "sk_live_";
    public const int HexLength = SecretTokenFormat.HexLength;
    private static readonly SecretTokenFormat Format = new(Prefix);

    public static string NewRawKey() => Format.New();

    public static string Hash(string rawKey) => SecretTokenFormat.Hash(rawKey);

    public static bool IsWellFormed(string rawKey) => Format.IsWellFormed(rawKey);
}
