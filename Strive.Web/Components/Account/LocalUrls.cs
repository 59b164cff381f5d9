namespace Strive.Web.Components.Account;

/// <summary>
/// Which return URLs the account pages follow. A ReturnUrl comes from the query or a form, so anyone can
/// write one: only a path on this site is followed, anything else (another host, a scheme, a backslash
/// that browsers read as a slash, characters a Location header cannot carry) means the fallback. Without
/// this, NavigationManager.ToBaseRelativePath and LocalRedirect threw on such URLs and the sign-in ended
/// in a 500 after the right password (issue 10).
/// </summary>
internal static class LocalUrls
{
    /// <summary><paramref name="url"/> when it is a path on this site, otherwise <paramref name="fallback"/>.</summary>
    public static string OrFallback(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && IsLocal(url) ? url : fallback;

    /// <summary>
    /// A path on this site: absolute ("/goals", not "//host" or "/\host") or relative to the base
    /// ("goals/abc", with no scheme before its first slash), in printable ASCII without backslashes.
    /// </summary>
    public static bool IsLocal(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Any(c => c is < '!' or > '~' or '\\'))
        {
            return false;
        }

        if (url.StartsWith('/'))
        {
            return url.Length == 1 || url[1] != '/';
        }

        var pathEnd = url.IndexOfAny(['/', '?', '#']);
        var firstSegment = pathEnd < 0 ? url : url[..pathEnd];
        return !firstSegment.Contains(':', StringComparison.Ordinal)
            && Uri.IsWellFormedUriString(url, UriKind.Relative);
    }
}
