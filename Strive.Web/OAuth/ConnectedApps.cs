using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Strive.Web.OAuth;

/// <summary>One app a person has let act for them: what it may do and when it last got a token.</summary>
public sealed record ConnectedApp(string AuthorizationId, string Name, IReadOnlyList<string> Scopes,
    DateTimeOffset ConnectedAt, DateTimeOffset? LastActiveAt);

/// <summary>
/// The account page's list of connected apps, from OpenIddict's authorizations. Disconnecting revokes the
/// authorization and every token of it; token validation checks both in the database on each request, so
/// the app's next call fails on every instance.
/// </summary>
public sealed class ConnectedApps(IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens)
{
    public async Task<IReadOnlyList<ConnectedApp>> ListAsync(string userId, CancellationToken cancellationToken)
    {
        var list = new List<ConnectedApp>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId, cancellationToken))
        {
            if (!await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken))
            {
                continue;
            }

            list.Add(await DescribeAsync(authorization, cancellationToken));
        }

        return [.. list.OrderByDescending(a => a.LastActiveAt ?? a.ConnectedAt)];
    }

    /// <summary>False when the authorization is not this person's (or is gone): nothing is revoked then.</summary>
    public async Task<bool> DisconnectAsync(string userId, string authorizationId, CancellationToken cancellationToken)
    {
        var authorization = await authorizations.FindByIdAsync(authorizationId, cancellationToken);
        if (authorization is null || await authorizations.GetSubjectAsync(authorization, cancellationToken) != userId)
        {
            return false;
        }

        await authorizations.TryRevokeAsync(authorization, cancellationToken);
        await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken);
        return true;
    }

    private async Task<ConnectedApp> DescribeAsync(object authorization, CancellationToken cancellationToken)
    {
        var id = (await authorizations.GetIdAsync(authorization, cancellationToken))!;
        var applicationId = await authorizations.GetApplicationIdAsync(authorization, cancellationToken);
        var application = applicationId is null ? null : await applications.FindByIdAsync(applicationId, cancellationToken);
        var name = application is null ? "An app" : await applications.GetDisplayNameAsync(application, cancellationToken) ?? "An app";
        DateTimeOffset? last = null;
        await foreach (var token in tokens.FindByAuthorizationIdAsync(id, cancellationToken))
        {
            var created = await tokens.GetCreationDateAsync(token, cancellationToken);
            last = created > last || last is null ? created : last;
        }

        var scopes = (await authorizations.GetScopesAsync(authorization, cancellationToken))
            .Where(s => s != Scopes.OfflineAccess).ToList();
        return new ConnectedApp(id, name, scopes,
            await authorizations.GetCreationDateAsync(authorization, cancellationToken) ?? DateTimeOffset.MinValue, last);
    }
}
