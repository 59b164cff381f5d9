using System.Globalization;

namespace Strive.Web.Client.Components.Time;

/// <summary>The reader's locale from what their browser asks for (an Accept-Language header or <c>navigator.language</c>).</summary>
public static class ReaderLocale
{
    // ICU makes up a culture for any well-formed name ("xx-nonsense"): only the ones it really knows count.
    private static readonly Lazy<HashSet<string>> Known = new(() =>
        new HashSet<string>(CultureInfo.GetCultures(CultureTypes.AllCultures).Select(c => c.Name), StringComparer.OrdinalIgnoreCase));

    /// <summary>The first specific culture named in <paramref name="acceptLanguage"/>, or null when none is usable. Never throws.</summary>
    public static CultureInfo? Find(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage) || acceptLanguage.Length > 200)
        {
            return null;
        }

        foreach (var part in acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var name = part.Split(';')[0].Trim();
            if (name.Length is < 2 or > 35 || !Known.Value.Contains(name))
            {
                continue;
            }

            try
            {
                var culture = CultureInfo.GetCultureInfo(name);
                // A bare language ("en") reads dates as its default region does ("en-US").
                return culture.IsNeutralCulture ? CultureInfo.CreateSpecificCulture(name) : culture;
            }
            catch (CultureNotFoundException)
            {
                // Try the next language the browser named.
            }
        }

        return null;
    }
}
