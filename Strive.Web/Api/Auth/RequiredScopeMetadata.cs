namespace Strive.Web.Api.Auth;

/// <summary>Endpoint metadata naming the scope a key needs; read by the forbid answer and by OpenAPI.</summary>
public sealed record RequiredScopeMetadata(string Scope);

/// <summary>Marks endpoints that authenticate with an API key (and so spend that key's rate budget).</summary>
public sealed class ApiKeyProtectedMetadata
{
    public static readonly ApiKeyProtectedMetadata Instance = new();
}

public static class ScopeEndpointExtensions
{
    public static string PolicyName(string scope) => "scope:" + scope;

    /// <summary>Requires the API key to carry <paramref name="scope"/> (403 with requiredScopes otherwise).</summary>
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScopeMetadata(scope)).RequireAuthorization(PolicyName(scope));
}
