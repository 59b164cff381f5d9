using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Accounts;

/// <summary>With Email:Smtp settings present, new accounts must confirm the link the app mails them.</summary>
public sealed partial class EmailConfirmationTests(EmailConfirmationTests.App app) : IClassFixture<EmailConfirmationTests.App>
{
    private const string Password = "Str1ve-Passw0rd!";

    public sealed class App : StriveAppFactory
    {
        public FakeSmtpServer Smtp { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:EnableSsl"] = "false",
            ["Email:Smtp:From"] = "Strive <no-reply@strive.test>",
        };

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                Smtp.Dispose();
            }
        }
    }

    [Fact]
    public async Task Register_WithSmtpConfigured_MailsALinkThatMustBeOpenedBeforeSigningIn()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var registered = await AccountForms.RegisterAsync(client, "mailed@example.com", Password);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("Account/RegisterConfirmation", registered.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var tooEarly = await AccountForms.SignInAsync(client, "mailed@example.com", Password);
        Assert.Equal(HttpStatusCode.OK, tooEarly.StatusCode);
        Assert.Contains("Please confirm your email first", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var mail = Assert.Single(app.Smtp.Messages, m => m.Contains("ConfirmEmail", StringComparison.Ordinal));
        var link = WebUtility.HtmlDecode(ConfirmationLink().Match(mail).Groups[1].Value);
        var confirmed = await client.GetAsync(new Uri(new Uri(link).PathAndQuery, UriKind.Relative));
        Assert.Contains("your email is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var signedIn = await AccountForms.SignInAsync(client, "mailed@example.com", Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/goals", signedIn.Headers.Location?.AbsolutePath);
    }

    [GeneratedRegex("href=\"([^\"]*Account/ConfirmEmail[^\"]*)\"")]
    private static partial Regex ConfirmationLink();
}
