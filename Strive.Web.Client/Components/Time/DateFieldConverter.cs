using System.Globalization;
using MudBlazor;

namespace Strive.Web.Client.Components.Time;

/// <summary>Between a date picker's day and its text: shown as <see cref="DateInput.DisplayFormat"/>, read with <see cref="DateInput"/>.</summary>
public sealed class DateFieldConverter(CultureInfo culture) : IReversibleConverter<DateTime?, string?>
{
    public CultureInfo Culture => culture;

    public string? Convert(DateTime? input) => input is { } day ? DateInput.Format(DateOnly.FromDateTime(day)) : null;

    public DateTime? ConvertBack(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        return DateInput.TryParse(input, culture, out var date)
            ? date.ToDateTime(TimeOnly.MinValue)
            : throw new FormatException(DateInput.Hint);
    }
}
