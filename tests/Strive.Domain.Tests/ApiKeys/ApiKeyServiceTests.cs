using Microsoft.EntityFrameworkCore;
using Strive.Domain.ApiKeys;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.ApiKeys;

public sealed class ApiKeyServiceTests : IDisposable
{
    private readonly DomainHarness _domain = new();

    [Fact]
    public async Task Create_ReturnsTheRawKeyOnce_AndStoresOnlyItsHash()
    {
        var user = await _domain.CreateUserAsync("integrator");

        var created = (await _domain.ApiKeys.CreateAsync(user, new NewApiKey("CI", [ApiKeyScopes.GoalsRead]))).Value!;

        Assert.Matches("^sk_live_[0-9a-f]{64}$", created.RawKey);
        Assert.Equal(created.RawKey[..16], created.Key.Prefix);
        await using var db = await _domain.Contexts.CreateDbContextAsync();
        var stored = await db.ApiKeys.SingleAsync();
        Assert.NotEqual(created.RawKey, stored.KeyHash);
        Assert.DoesNotContain(created.RawKey[16..], stored.KeyHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_KnowsValidKeys_AndRefusesRevokedOnTheNextCall()
    {
        var user = await _domain.CreateUserAsync("integrator");
        var created = (await _domain.ApiKeys.CreateAsync(user, new NewApiKey("CI", [ApiKeyScopes.GoalsRead]))).Value!;

        var before = await _domain.ApiKeys.AuthenticateAsync(created.RawKey);
        await _domain.ApiKeys.RevokeAsync(user, created.Key.Id);
        var after = await _domain.ApiKeys.AuthenticateAsync(created.RawKey);

        Assert.Equal(ApiKeyCheck.Valid, before.Check);
        Assert.Equal(user, before.Identity!.UserId);
        Assert.Equal(ApiKeyCheck.Unknown, after.Check);
    }

    [Fact]
    public async Task Authenticate_ReportsExpiredKeys()
    {
        var user = await _domain.CreateUserAsync("integrator");
        var created = (await _domain.ApiKeys.CreateAsync(user,
            new NewApiKey("Short", [ApiKeyScopes.GoalsRead], _domain.Clock.GetUtcNow().AddHours(1)))).Value!;

        _domain.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(ApiKeyCheck.Expired, (await _domain.ApiKeys.AuthenticateAsync(created.RawKey)).Check);
        Assert.Empty(await _domain.ApiKeys.ListAsync(user));
    }

    [Fact]
    public async Task LastUsedAt_IsWrittenAtMostOnceAMinute()
    {
        var user = await _domain.CreateUserAsync("integrator");
        var created = (await _domain.ApiKeys.CreateAsync(user, new NewApiKey("CI", [ApiKeyScopes.GoalsRead]))).Value!;
        var first = _domain.Clock.GetUtcNow();

        await _domain.ApiKeys.AuthenticateAsync(created.RawKey);
        _domain.Clock.Advance(TimeSpan.FromSeconds(30));
        await _domain.ApiKeys.AuthenticateAsync(created.RawKey);
        var afterHalfAMinute = (await _domain.ApiKeys.ListAsync(user)).Single().LastUsedAt;
        _domain.Clock.Advance(TimeSpan.FromSeconds(31));
        await _domain.ApiKeys.AuthenticateAsync(created.RawKey);
        var afterAMinute = (await _domain.ApiKeys.ListAsync(user)).Single().LastUsedAt;

        Assert.Equal(first, afterHalfAMinute);
        Assert.Equal(_domain.Clock.GetUtcNow(), afterAMinute);
    }

    [Fact]
    public async Task Create_RefusesTheEleventhActiveKey_ButRevokedKeysDoNotCount()
    {
        var user = await _domain.CreateUserAsync("integrator");
        var keys = new List<CreatedApiKey>();
        for (var i = 0; i < 10; i++)
        {
            keys.Add((await _domain.ApiKeys.CreateAsync(user, new NewApiKey($"K{i}", [ApiKeyScopes.GoalsRead]))).Value!);
        }

        var eleventh = await _domain.ApiKeys.CreateAsync(user, new NewApiKey("K10", [ApiKeyScopes.GoalsRead]));
        await _domain.ApiKeys.RevokeAsync(user, keys[0].Key.Id);
        var afterRevoke = await _domain.ApiKeys.CreateAsync(user, new NewApiKey("K10", [ApiKeyScopes.GoalsRead]));

        Assert.Equal("Maximum of 10 active API keys allowed", eleventh.Error?.Message);
        Assert.True(afterRevoke.IsSuccess);
    }

    [Theory]
    [InlineData("", "goals:read", "Name is required")]
    [InlineData("CI", "", "Scopes must be a non-empty array")]
    [InlineData("CI", "goals:read,goals:delete", "Unknown scope: goals:delete")]
    public async Task Create_WithBadInput_SaysWhatIsWrong(string name, string scopes, string message)
    {
        var user = await _domain.CreateUserAsync("integrator");

        var result = await _domain.ApiKeys.CreateAsync(user,
            new NewApiKey(name, scopes.Split(',', StringSplitOptions.RemoveEmptyEntries)));

        Assert.Equal(message, result.Error?.Message);
    }

    [Fact]
    public async Task KeyMadeWithAKey_CannotGainScopesOrOutliveIt()
    {
        var user = await _domain.CreateUserAsync("integrator");
        var expiry = _domain.Clock.GetUtcNow().AddDays(7);
        var parent = new ApiKeyIdentity("parent", user, [ApiKeyScopes.GoalsRead], expiry);

        var moreScopes = await _domain.ApiKeys.CreateAsync(user,
            new NewApiKey("Child", [ApiKeyScopes.GoalsRead, ApiKeyScopes.GoalsWrite]), parent);
        var outlives = await _domain.ApiKeys.CreateAsync(user,
            new NewApiKey("Child", [ApiKeyScopes.GoalsRead], expiry.AddDays(1)), parent);
        var inherits = await _domain.ApiKeys.CreateAsync(user, new NewApiKey("Child", [ApiKeyScopes.GoalsRead]), parent);

        Assert.Equal("Cannot grant scopes you don't have: goals:write", moreScopes.Error?.Message);
        Assert.Equal("Cannot create a key that outlives the key used", outlives.Error?.Message);
        Assert.Equal(expiry, inherits.Value!.Key.ExpiresAt);
    }

    [Fact]
    public async Task Revoke_SomeoneElsesKey_IsForbidden_AndTwiceIsRefused()
    {
        var owner = await _domain.CreateUserAsync("owner");
        var other = await _domain.CreateUserAsync("other");
        var key = (await _domain.ApiKeys.CreateAsync(owner, new NewApiKey("CI", [ApiKeyScopes.GoalsRead]))).Value!;

        var byOther = await _domain.ApiKeys.RevokeAsync(other, key.Key.Id);
        await _domain.ApiKeys.RevokeAsync(owner, key.Key.Id);
        var again = await _domain.ApiKeys.RevokeAsync(owner, key.Key.Id);
        var missing = await _domain.ApiKeys.RevokeAsync(owner, "nope");

        Assert.Equal("You can only revoke your own API keys", byOther.Error?.Message);
        Assert.Equal("API key is already revoked", again.Error?.Message);
        Assert.Equal("API key not found", missing.Error?.Message);
    }

    public void Dispose() => _domain.Dispose();
}
