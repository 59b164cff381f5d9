using System.Security.Cryptography;

namespace Strive.Domain.Common;

/// <summary>Opaque, URL-safe, unguessable identifiers (the API contract forbids sequential ids).</summary>
public static class Ids
{
    public const int Length = 20;
    public const int MaxLength = 64;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);
}
