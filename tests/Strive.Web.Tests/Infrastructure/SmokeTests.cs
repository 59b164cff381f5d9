using System.Net;

namespace Strive.Web.Tests.Infrastructure;

public sealed class SmokeTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task Status_WithFreshDatabase_ReportsOk()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(new Uri("/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"ok\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(File.Exists(app.DatabasePath));
    }
}
