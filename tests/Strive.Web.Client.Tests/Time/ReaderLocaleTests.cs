using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Tests.Time;

/// <summary>The reader's locale comes from what the browser asks for; anything odd in the header is ignored.</summary>
public sealed class ReaderLocaleTests
{
    [Theory]
    [InlineData("en-US,en;q=0.9", "en-US")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("xx-nonsense, de-DE;q=0.8", "de-DE")]
    [InlineData("fr", "fr-FR")]
    public void Find_TakesTheFirstLanguageItKnows(string header, string expected) =>
        Assert.Equal(expected, ReaderLocale.Find(header)?.Name);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("*")]
    [InlineData("../../etc")]
    public void Find_WithNothingUsable_IsNull(string? header) => Assert.Null(ReaderLocale.Find(header));
}
