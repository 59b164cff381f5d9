using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Strive.Web.Errors;

/// <summary>
/// A small HTML page for an empty 4xx/5xx answer to a form post in the browser app (re-executing a POST on
/// the not-found page is not safe, see <see cref="ErrorHandlingExtensions.UseStriveStatusCodePages"/>).
/// </summary>
internal static class StatusPage
{
    public static async Task WriteIfEmptyAsync(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode < 400 || response.HasStarted || response.ContentLength is not null
            || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }

        var title = WebUtility.HtmlEncode($"{response.StatusCode} {ReasonPhrases.GetReasonPhrase(response.StatusCode)}");
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{title} · Strive</title></head>
            <body><h1>{title}</h1><p>The form could not be accepted. Go back, reload the page and try again, or
            <a href="/">return to Strive</a>.</p></body></html>
            """);
    }
}
