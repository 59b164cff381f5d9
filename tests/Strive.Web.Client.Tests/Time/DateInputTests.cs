using System.Globalization;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Tests.Time;

/// <summary>Issue 13: a date typed as ISO or the way the reader's locale writes it is read as that day.</summary>
public sealed class DateInputTests
{
    [Theory]
    [InlineData("2027-03-01", "en-GB")]
    [InlineData("2027-03-01", "en-US")]
    [InlineData("2027-3-1", "de-DE")]
    [InlineData("01/03/2027", "en-GB")]
    [InlineData("1/3/2027", "en-GB")]
    [InlineData("3/1/2027", "en-US")]
    [InlineData("03/01/2027", "en-US")]
    [InlineData("1.3.2027", "de-DE")]
    [InlineData("01.03.2027", "de-DE")]
    [InlineData("1 Mar 2027", "en-GB")]
    [InlineData("1 Mar 2027", "en-US")]
    [InlineData("1 March 2027", "en-GB")]
    [InlineData("March 1, 2027", "en-US")]
    [InlineData("  1  Mar 2027 ", "en-GB")]
    [InlineData("1 Mar 2027", "de-DE")]
    public void TryParse_ReadsTheFirstOfMarch(string text, string culture)
    {
        Assert.True(DateInput.TryParse(text, CultureInfo.GetCultureInfo(culture), out var date), text);
        Assert.Equal(new DateOnly(2027, 3, 1), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tomorrow")]
    [InlineData("31/02/2027")]
    [InlineData("2027-13-01")]
    [InlineData("13/13/2027")]
    public void TryParse_RefusesWhatIsNotADay(string text) =>
        Assert.False(DateInput.TryParse(text, CultureInfo.GetCultureInfo("en-GB"), out _));

    [Fact]
    public void TryParse_ReadsAnAmbiguousDateInTheReadersOrderOnly()
    {
        Assert.True(DateInput.TryParse("01/03/2027", CultureInfo.GetCultureInfo("en-US"), out var us));
        Assert.Equal(new DateOnly(2027, 1, 3), us);
        Assert.False(DateInput.TryParse("3/13/2027", CultureInfo.GetCultureInfo("en-GB"), out _));
    }

    [Fact]
    public void Format_IsTheSameInEveryLocale() =>
        Assert.Equal("1 Mar 2027", DateInput.Format(new DateOnly(2027, 3, 1)));
}
