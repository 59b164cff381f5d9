using System.Security.Cryptography;
using System.Text.Json;
using OpenIddict.Abstractions;
using Strive.Domain.ApiKeys;
using Strive.Web.Api;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Strive.Web.OAuth;

/// <summary>
/// Dynamic client registration (RFC 7591) at /oauth/register, strict: redirect URIs are absolute https
/// (or http on loopback) without fragments, only the code flow with refresh tokens, and the scopes named
/// here are all the client may ever ask for. There is no update endpoint, so a client cannot widen them.
/// </summary>
public static class ClientRegistration
{
    private const int MaxRedirectUris = 10;
    private const int MaxNameLength = 100;
    private static readonly string[] AuthMethods = ["none", "client_secret_post", "client_secret_basic"];

    public static WebApplication MapClientRegistration(this WebApplication app)
    {
        app.MapPost(OAuthExtensions.RegisterPath, RegisterAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> RegisterAsync(HttpRequest request, IOpenIddictApplicationManager applications,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return Invalid(RegistrationErrors.InvalidClientMetadata, "The body must be a JSON object.");
        }

        var read = ClientMetadata.Read(body);
        if (read.Error is { } error)
        {
            return Invalid(error.Code, error.Description);
        }

        var metadata = read.Metadata!;
        var confidential = metadata.AuthMethod != "none";
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = "strive_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            DisplayName = metadata.Name,
            ConsentType = ConsentTypes.Explicit,
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            },
        };
        foreach (var uri in metadata.RedirectUris)
        {
            descriptor.RedirectUris.Add(uri);
        }

        foreach (var scope in metadata.Scopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        var secret = confidential ? "sec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) : null;
        descriptor.ClientSecret = secret;
        await applications.CreateAsync(descriptor, cancellationToken);
        var answer = new Dictionary<string, object?>
        {
            ["client_id"] = descriptor.ClientId,
            ["client_id_issued_at"] = clock.GetUtcNow().ToUnixTimeSeconds(),
            ["client_name"] = metadata.Name,
            ["redirect_uris"] = metadata.RedirectUris.Select(u => u.AbsoluteUri).ToArray(),
            ["grant_types"] = new[] { GrantTypes.AuthorizationCode, GrantTypes.RefreshToken },
            ["response_types"] = new[] { ResponseTypes.Code },
            ["token_endpoint_auth_method"] = metadata.AuthMethod,
            ["scope"] = string.Join(' ', metadata.Scopes),
        };
        if (secret is not null)
        {
            answer["client_secret"] = secret;
            answer["client_secret_expires_at"] = 0;
        }

        return Results.Json(answer, statusCode: StatusCodes.Status201Created);
    }

    private static IResult Invalid(string code, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = code, ["error_description"] = description },
            statusCode: StatusCodes.Status400BadRequest);

    /// <summary>What a registration asks for, once checked.</summary>
    private sealed record ClientMetadata(IReadOnlyList<Uri> RedirectUris, string Name, IReadOnlyList<string> Scopes,
        string AuthMethod)
    {
        public static (ClientMetadata? Metadata, (string Code, string Description)? Error) Read(JsonElement body)
        {
            if (!body.TryGetProperty("redirect_uris", out var uris) || uris.ValueKind != JsonValueKind.Array
                || uris.GetArrayLength() is 0 or > MaxRedirectUris)
            {
                return (null, (RegistrationErrors.InvalidRedirectUri, $"redirect_uris must be an array of 1-{MaxRedirectUris} URIs."));
            }

            var redirects = new List<Uri>();
            foreach (var item in uris.EnumerateArray())
            {
                if (!JsonFields.TryGetText(item, out var text) || !IsAcceptableRedirect(text, out var uri))
                {
                    return (null, (RegistrationErrors.InvalidRedirectUri,
                        "Each redirect URI must be an absolute https URI (http only on localhost), without a fragment."));
                }

                redirects.Add(uri);
            }

            var name = Text(body, "client_name");
            if (name.Error is not null || name.Value?.Length > MaxNameLength)
            {
                return (null, (RegistrationErrors.InvalidClientMetadata, $"client_name must be a string of at most {MaxNameLength} characters."));
            }

            var method = Text(body, "token_endpoint_auth_method");
            if (method.Error is not null || (method.Value is { } m && !AuthMethods.Contains(m)))
            {
                return (null, (RegistrationErrors.InvalidClientMetadata, "token_endpoint_auth_method must be one of: " + string.Join(", ", AuthMethods)));
            }

            if (Unsupported(body, "grant_types", [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken])
                || Unsupported(body, "response_types", [ResponseTypes.Code]))
            {
                return (null, (RegistrationErrors.InvalidClientMetadata, "Only the authorization_code grant (with refresh_token) and the code response type are supported."));
            }

            var scope = Text(body, "scope");
            var scopes = scope.Value is { } list ? list.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [.. ApiKeyScopes.All];
            var unknown = scope.Error ?? scopes.FirstOrDefault(s => !ApiKeyScopes.All.Contains(s));
            if (unknown is not null)
            {
                return (null, (RegistrationErrors.InvalidClientMetadata, "Unknown scope: " + unknown));
            }

            return (new ClientMetadata(redirects, string.IsNullOrWhiteSpace(name.Value) ? redirects[0].Host : name.Value.Trim(),
                [.. scopes.Distinct()], method.Value ?? "client_secret_basic"), null);
        }

        private static bool IsAcceptableRedirect(string? text, out Uri uri)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out uri!) || !string.IsNullOrEmpty(uri.Fragment) || text!.Length > 2000)
            {
                return false;
            }

            return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
        }

        private static (string? Value, string? Error) Text(JsonElement body, string name) =>
            !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? (null, null)
            : value.ValueKind == JsonValueKind.String && JsonFields.TryGetText(value, out var text) ? (text, null)
            : (null, name);

        private static bool Unsupported(JsonElement body, string name, string[] allowed) =>
            body.TryGetProperty(name, out var value) && (value.ValueKind != JsonValueKind.Array
                || value.EnumerateArray().Any(v => !JsonFields.TryGetText(v, out var text) || !allowed.Contains(text)));
    }
}

/// <summary>RFC 7591 section 3.2.2 error codes.</summary>
public static class RegistrationErrors
{
    public const string InvalidRedirectUri = "invalid_redirect_uri";
    public const string InvalidClientMetadata = "invalid_client_metadata";
}
