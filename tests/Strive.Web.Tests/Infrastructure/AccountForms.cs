using System.Net;
using System.Text.RegularExpressions;

namespace Strive.Web.Tests.Infrastructure;

/// <summary>Posts the statically rendered account forms the way a browser does, antiforgery token included.</summary>
public static partial class AccountForms
{
    public static async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string password,
        string? displayName = null)
    {
        return await PostFormAsync(client, "/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName ?? "",
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        return await PostFormAsync(client, "/Account/Login", "login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    /// <summary>GETs the page for its antiforgery token, then posts the named form.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string formName,
        IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {path}");

        var form = new Dictionary<string, string>(fields)
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        using var content = new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
