using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Users;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Api;

/// <summary>docs/api/API.md "Basics": bad bodies, oversize bodies, unknown routes and failures all answer JSON.</summary>
public sealed class ApiHardeningTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Theory]
    [InlineData("{\"content\": ", "Request body must be valid JSON")]
    [InlineData("not json at all", "Request body must be valid JSON")]
    [InlineData("[{\"content\": \"x\"}]", "Request body must be a JSON object")]
    [InlineData("\"content\"", "Request body must be a JSON object")]
    [InlineData("null", "Request body must be a JSON object")]
    [InlineData("", "Request body must be a JSON object")]
    public async Task Create_WithMalformedOrNonObjectBody_Returns400(string body, string error)
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();

        var response = await caller.Client.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", body);

        await response.AssertErrorAsync(HttpStatusCode.BadRequest, error);
    }

    [Fact]
    public async Task Create_WithoutContentType_StillReadsTheJsonBody()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"content": "curl -d style"}"""));

        var response = await caller.Client.PostAsync(new Uri($"/api/v1/goals/{goalId}/milestones", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Body_Over64KiB_Returns413()
    {
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var huge = $$"""{"content": "x", "description": "{{new string('d', 70 * 1024)}}"}""";

        var post = await caller.Client.PostJsonAsync($"/api/v1/goals/{goalId}/milestones", huge);
        var patchGoal = await caller.Client.PatchJsonAsync($"/api/v1/goals/{goalId}", huge);

        await post.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "Request body too large");
        await patchGoal.AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "Request body too large");
    }

    [Theory]
    [InlineData("GET", "/api/v1/nothing-here")]
    [InlineData("GET", "/api/v1")]
    [InlineData("GET", "/api/v1/goals/g/milestones/m/extra")]
    [InlineData("POST", "/api/v1/users/me")]
    [InlineData("DELETE", "/api/v1/goals")]
    public async Task UnknownRouteOrMethod_ReturnsJson404(string method, string path)
    {
        var caller = await app.CreateCallerAsync();
        using var anonymous = app.CreateClientWithKey(null);

        foreach (var client in new[] { caller.Client, anonymous })
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
            await response.AssertErrorAsync(HttpStatusCode.NotFound, "Not found");
        }
    }

    [Fact]
    public async Task UnhandledExceptionInAHandler_Returns500Json()
    {
        using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IUserService, ThrowingUserService>()));
        var caller = await failing.CreateCallerAsync();

        var response = await caller.Client.GetAsync("/api/v1/users/me");

        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "Internal server error");
    }

    [Fact]
    public async Task UnhandledExceptionWhileAuthenticating_Returns500Json()
    {
        using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IApiKeyService, ThrowingApiKeyService>()));
        using var client = failing.CreateClientWithKey("sk_live_" + new string('c', 64));

        var response = await client.GetAsync("/api/v1/goals");

        await response.AssertErrorAsync(HttpStatusCode.InternalServerError, "Internal server error");
    }

    private sealed class ThrowingUserService : IUserService
    {
        public Task<UserView?> GetAsync(string userId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Simulated failure");
    }

    private sealed class ThrowingApiKeyService : IApiKeyService
    {
        public Task<Strive.Domain.Common.Result<CreatedApiKey>> CreateAsync(string userId, NewApiKey request,
            ApiKeyIdentity? creatingKey = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Simulated failure");

        public Task<IReadOnlyList<ApiKeyView>> ListAsync(string userId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Simulated failure");

        public Task<IReadOnlyList<ApiKeyView>> ListRevokedAsync(string userId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Simulated failure");

        public Task<Strive.Domain.Common.Result<ApiKeyView>> RevokeAsync(string userId, string keyId,
            CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Simulated failure");

        public Task<ApiKeyAuthentication> AuthenticateAsync(string rawKey, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("Simulated failure");
    }
}
