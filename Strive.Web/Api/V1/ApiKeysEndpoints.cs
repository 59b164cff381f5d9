using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>A key as its owner sees it: never the raw key, never its hash.</summary>
public sealed record ApiKeyResponse(
    string Id,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt)
{
    public static ApiKeyResponse From(ApiKeyView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.Name, view.Prefix, view.Scopes, view.ExpiresAt, view.CreatedAt, view.LastUsedAt);
    }
}

/// <summary>201 answer to a key's creation: the only time the raw key is shown.</summary>
public sealed record CreatedApiKeyResponse(ApiKeyResponse Data, string Key);

public sealed record RevokedApiKeyResponse(string Id, bool Revoked);

/// <summary>/api/v1/api-keys: the caller's own keys. Authenticated, but no scope needed.</summary>
public static class ApiKeysEndpoints
{
    public static readonly string NameRequired = ApiKeyErrors.NameRequired.Message;
    public static readonly string ScopesRequired = ApiKeyErrors.ScopesRequired.Message;
    public const string ExpiresAtType = "expiresAt must be an ISO 8601 date or null";

    // name and scopes are required, but absent ones are left to the service: it checks the name
    // (blank, too long) before the scopes, and that order of messages is kept.
    private static readonly Field<string?> Name = JsonFields.Text("name", NameRequired,
        presence: Presence.RequiredByService, example: "\"CI\"")
        .Refusing(ApiKeyErrors.NameTooLong, ApiKeyErrors.NameControlCharacters);
    private static readonly Field<IReadOnlyList<string>> Scopes = JsonFields.Strings("scopes", ScopesRequired,
        Presence.RequiredByService, """["goals:read"]""")
        .Refusing(ApiKeyErrors.UnknownScope("goals:delete"));
    private static readonly Field<DateTimeOffset?> ExpiresAt = JsonFields.Time("expiresAt", ExpiresAtType);

    public static readonly RequestShape NewKey = new("CreateApiKeyRequest", Name, Scopes, ExpiresAt);

    public static RouteGroupBuilder MapApiKeysEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys");
        group.MapGet("", ListAsync).WithName("ListApiKeys")
            .WithSummary("List your API keys")
            .WithDescription("The caller's active keys, newest first, with `lastUsedAt`. No scope needed.")
            .ProducesErrors();
        group.MapPost("", CreateAsync).WithName("CreateApiKey")
            .DocumentsBody(NewKey, """{"name": "CI", "scopes": ["goals:read", "milestones:read"]}""")
            .WithSummary("Create an API key")
            .WithDescription("No scope needed. The new key may carry only scopes the calling key has and never "
                + "outlives it; without `expiresAt` it takes the caller's expiry. The raw key is in `key`, once.")
            .ProducesErrors(ApiKeyErrors.NameRequired, ApiKeyErrors.ScopesRequired, ApiKeyErrors.UnknownScope("goals:admin"),
                ApiKeyErrors.ExpiryInPast, ApiKeyErrors.TooMany, ApiKeyErrors.ScopesNotHeld(["milestones:write"]),
                ApiKeyErrors.Outlives);
        group.MapDelete("/{keyId}", RevokeAsync).WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("No scope needed. The key stops working on the very next request.")
            .ProducesErrors(ApiKeyErrors.NotFound, ApiKeyErrors.NotYours, ApiKeyErrors.AlreadyRevoked);
        return api;
    }

    public static async Task<Ok<DataResponse<IReadOnlyList<ApiKeyResponse>>>> ListAsync(ClaimsPrincipal user,
        IApiKeyService apiKeys, CancellationToken cancellationToken)
    {
        var keys = await apiKeys.ListAsync(user.UserId(), cancellationToken);
        return TypedResults.Ok(new DataResponse<IReadOnlyList<ApiKeyResponse>>([.. keys.Select(ApiKeyResponse.From)]));
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, JsonHttpResult<ErrorResponse>>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, IApiKeyService apiKeys, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = ParseNew(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        var result = await apiKeys.CreateAsync(user.UserId(), input.Value, user.ApiKey(), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/api-keys/{result.Value.Key.Id}",
                new CreatedApiKeyResponse(ApiKeyResponse.From(result.Value.Key), result.Value.RawKey))
            : ApiErrors.From(result.Error);
    }

    public static async Task<Results<Ok<DataResponse<RevokedApiKeyResponse>>, JsonHttpResult<ErrorResponse>>>
        RevokeAsync(string keyId, ClaimsPrincipal user, IApiKeyService apiKeys, CancellationToken cancellationToken)
    {
        var result = await apiKeys.RevokeAsync(user.UserId(), keyId, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DataResponse<RevokedApiKeyResponse>(new(result.Value.Id, Revoked: true)))
            : ApiErrors.From(result.Error);
    }

    /// <summary>A name of the wrong type is as missing as no name; scopes must be an array of strings.</summary>
    public static Result<NewApiKey> ParseNew(JsonElement body)
    {
        var read = NewKey.Reader(body);
        var name = read.Read(Name);
        var scopes = read.Read(Scopes);
        var expiresAt = read.Read(ExpiresAt);
        if (read.DomainError is { } error)
        {
            return error;
        }

        return new NewApiKey(name.HasValue ? name.Value : null, scopes.HasValue ? scopes.Value : null,
            expiresAt.HasValue ? expiresAt.Value : null);
    }
}
