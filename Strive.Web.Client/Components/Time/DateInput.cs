using System.Globalization;

namespace Strive.Web.Client.Components.Time;

/// <summary>
/// The one place a typed date is read, for every date field (deadlines, API-key expiry). People type dates
/// the way they write them: ISO (<c>2027-03-01</c>), their locale's numeric order (<c>01/03/2027</c> in
/// en-GB, <c>3/1/2027</c> in en-US), or with a month name (<c>1 Mar 2027</c>, <c>March 1, 2027</c>). Every
/// field shows the one display format, <see cref="Format"/>, which reads the same in every locale.
/// </summary>
/// <remarks>
/// Ambiguous numeric dates (<c>01/03/2027</c>) are read in the reader's order only, never guessed: the
/// locale decides, and ISO or a month name is always unambiguous.
/// </remarks>
public static class DateInput
{
    /// <summary>"1 Mar 2027": how every date field and row shows a date.</summary>
    public const string DisplayFormat = "d MMM yyyy";

    /// <summary>What a field says when the text isn't a date it can read.</summary>
    public const string Hint = "Type a date such as 2027-03-01 or 1 Mar 2027";

    private static readonly string[] NamedFormats =
    [
        "d MMM yyyy", "d MMMM yyyy", "d MMM, yyyy", "d MMMM, yyyy", "MMM d yyyy", "MMMM d yyyy", "MMM d, yyyy",
        "MMMM d, yyyy", "d-MMM-yyyy", "dd-MMM-yyyy",
    ];

    private static readonly string[] Separators = ["/", "-", "."];

    private static readonly string[] IsoFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d"];

    public static string Format(DateOnly date) => date.ToString(DisplayFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads <paramref name="text"/> as a calendar date in the reader's <paramref name="culture"/>.</summary>
    public static bool TryParse(string? text, CultureInfo culture, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(culture);
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        const DateTimeStyles styles = DateTimeStyles.AllowWhiteSpaces;
        return DateOnly.TryParseExact(trimmed, IsoFormats, CultureInfo.InvariantCulture, styles, out date)
            || DateOnly.TryParseExact(trimmed, NumericFormats(culture), culture, styles, out date)
            || DateOnly.TryParseExact(trimmed, NamedFormats, culture, styles, out date)
            || (!Equals(culture, CultureInfo.InvariantCulture)
                && DateOnly.TryParseExact(trimmed, NamedFormats, CultureInfo.InvariantCulture, styles, out date));
    }

    /// <summary>
    /// The locale's short date pattern, with or without leading zeros ("dd/MM/yyyy" also reads "1/3/2027"), and
    /// with whichever separator people type: 1.3.2027, 1/3/2027 and 1-3-2027 are the same day in one locale.
    /// </summary>
    private static string[] NumericFormats(CultureInfo culture)
    {
        var pattern = culture.DateTimeFormat.ShortDatePattern;
        var separator = culture.DateTimeFormat.DateSeparator;
        var loose = pattern.Replace("dd", "d", StringComparison.Ordinal).Replace("MM", "M", StringComparison.Ordinal);
        return [.. new[] { pattern, loose }
            .SelectMany(p => Separators.Select(s => WithSeparator(p, separator, s)))
            .Distinct(StringComparer.Ordinal)];
    }

    private static string WithSeparator(string pattern, string separator, string typed)
    {
        // "/" in a pattern stands for the locale's separator; both become the typed one, quoted as a literal.
        const string Mark = "\u0001";
        var marked = (separator.Length > 0 ? pattern.Replace(separator, Mark, StringComparison.Ordinal) : pattern)
            .Replace("/", Mark, StringComparison.Ordinal);
        return marked.Replace(Mark, $"'{typed}'", StringComparison.Ordinal);
    }
}
