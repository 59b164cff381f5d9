using System.Globalization;

namespace Strive.Domain.Common;

/// <summary>
/// The text rules of docs/api/API.md "Basics" (docs/decisions/007), in one place for every entity that
/// holds text: control characters other than line breaks and tabs are refused; text made only of
/// whitespace or invisible characters counts as empty; limits count characters as a person does (text
/// elements, so an emoji or a letter with its accents is one), and a text may take at most
/// <see cref="StorageUnitsPerCharacter"/> UTF-16 units per allowed character, which is what the columns hold.
/// </summary>
public static class TextRules
{
    /// <summary>
    /// UTF-16 units stored per person-character of a limit. Most characters take 1, an emoji 2, a flag 4, a
    /// family emoji up to 11: a text within its limit whose average is above 4 is refused as too long.
    /// </summary>
    public const int StorageUnitsPerCharacter = 4;

    /// <summary>The column length (UTF-16 units) that holds the longest text a limit allows.</summary>
    public static int StorageLength(int maxCharacters) => maxCharacters * StorageUnitsPerCharacter;

    /// <summary>
    /// Checks one field. <paramref name="required"/> is the refusal for empty text, or null when empty is
    /// allowed (then blank text is stored as ""). With <paramref name="trim"/> surrounding whitespace goes.
    /// </summary>
    public static Result<string> Check(string? value, int maxCharacters, DomainError? required, DomainError tooLong,
        DomainError controlCharacters, bool trim = true)
    {
        ArgumentNullException.ThrowIfNull(tooLong);
        ArgumentNullException.ThrowIfNull(controlCharacters);
        var text = value ?? "";
        if (HasControlCharacters(text))
        {
            return controlCharacters;
        }

        text = IsBlank(text) ? "" : trim ? text.Trim() : text;
        if (text.Length == 0)
        {
            return required is null ? text : required;
        }

        return text.Length > StorageLength(maxCharacters) || CountCharacters(text) > maxCharacters
            ? tooLong
            : text;
    }

    /// <summary>Characters as a person counts them: text elements (grapheme clusters).</summary>
    public static int CountCharacters(string text) => new StringInfo(text ?? "").LengthInTextElements;

    /// <summary>
    /// The longest start of <paramref name="text"/> within <paramref name="maxUnits"/> UTF-16 units that
    /// ends between two characters, never inside an emoji or a surrogate pair.
    /// </summary>
    public static string Shorten(string text, int maxUnits)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxUnits)
        {
            return text;
        }

        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext() && elements.ElementIndex + ((string)elements.Current).Length <= maxUnits)
        {
            end = elements.ElementIndex + ((string)elements.Current).Length;
        }

        return text[..end];
    }

    /// <summary>A control character other than a line break or a tab (C0, DEL and C1).</summary>
    public static bool HasControlCharacters(string text) =>
        (text ?? "").Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));

    /// <summary>Nothing a reader could see: only whitespace and invisible (format, filler) characters.</summary>
    public static bool IsBlank(string text) => (text ?? "").All(IsInvisible);

    private static bool IsInvisible(char c) =>
        char.IsWhiteSpace(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format // U+200B-200F, 2060-2064, FEFF, 00AD, bidi controls
        || c is '\u034F' // combining grapheme joiner
            or '\u115F' or '\u1160' or '\u3164' or '\uFFA0' // Hangul fillers
            or '\u180E' or '\u2800' // Mongolian vowel separator, braille blank
            or (>= '\uFE00' and <= '\uFE0F'); // variation selectors
}
