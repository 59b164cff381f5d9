using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using Strive.Web.Data;

namespace Strive.Web.OAuth;

/// <summary>One key of the authorization server, kept in the database and protected with the Data Protection key ring.</summary>
public sealed class OAuthKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public string Id { get; set; } = "";

    /// <summary>The key material, protected by Data Protection (whose key ring is in the same database).</summary>
    public string Protected { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The signing and encryption keys every instance uses: the first instance to need them makes them and
/// stores them (protected) in the database; the others, and later starts, read the same ones. A token one
/// instance issued is read by every other.
/// </summary>
public sealed class OAuthKeyStore(IServiceProvider services, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "Strive.OAuth.Keys.v1";
    private int _provisional;

    /// <summary>
    /// The stored keys; while the database cannot be reached, throwaway ones, so that the options OpenIddict builds
    /// on its first request (on every request, not only OAuth's) do not fail the whole app. Nothing can be issued
    /// without the database anyway, and <see cref="OAuthKeyRetry"/> builds the options again on the next request.
    /// </summary>
    public (SecurityKey Signing, SecurityKey Encryption) Keys()
    {
        try
        {
            return (SigningKey(), EncryptionKey());
        }
        catch (DbException)
        {
            Volatile.Write(ref _provisional, 1);
            return (new RsaSecurityKey(RSA.Create(2048)) { KeyId = "strive-provisional" },
                new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "strive-provisional" });
        }
    }

    /// <summary>True once after <see cref="Keys"/> had to make throwaway keys.</summary>
    public bool TakeProvisional() => Interlocked.Exchange(ref _provisional, 0) == 1;

    private RsaSecurityKey SigningKey()
    {
        var rsa = RSA.Create();
        rsa.ImportRSAPrivateKey(Load(OAuthKey.Signing, () => RSA.Create(2048).ExportRSAPrivateKey()), out _);
        return new RsaSecurityKey(rsa) { KeyId = "strive-" + OAuthKey.Signing };
    }

    private SymmetricSecurityKey EncryptionKey() =>
        new SymmetricSecurityKey(Load(OAuthKey.Encryption, () => RandomNumberGenerator.GetBytes(32)))
        { KeyId = "strive-" + OAuthKey.Encryption };

    private byte[] Load(string id, Func<byte[]> create)
    {
        var protector = protection.CreateProtector(Purpose);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<StriveHostDbContext>();
        if (db.OAuthKeys.AsNoTracking().FirstOrDefault(k => k.Id == id) is { } stored)
        {
            return protector.Unprotect(Convert.FromBase64String(stored.Protected));
        }

        try
        {
            db.OAuthKeys.Add(new OAuthKey
            {
                Id = id, Protected = Convert.ToBase64String(protector.Protect(create())), CreatedAt = clock.GetUtcNow(),
            });
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            // Another instance stored it first: use theirs.
            db.ChangeTracker.Clear();
        }

        var row = db.OAuthKeys.AsNoTracking().First(k => k.Id == id);
        return protector.Unprotect(Convert.FromBase64String(row.Protected));
    }
}
