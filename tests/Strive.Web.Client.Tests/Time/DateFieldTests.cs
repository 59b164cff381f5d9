using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Strive.Web.Client.Components.Time;
using Strive.Web.Client.Tests.ApiKeys;

namespace Strive.Web.Client.Tests.Time;

/// <summary>Issue 13: a date field takes ISO or the reader's own way of writing a date, and says when it can't.</summary>
public sealed class DateFieldTests : BunitContext, IAsyncLifetime
{
    public DateFieldTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(new FixedTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero)));
        Services.AddReaderTimeZone();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    [Theory]
    [InlineData("2027-03-01", "en-US")]
    [InlineData("01/03/2027", "en-GB")]
    [InlineData("3/1/2027", "en-US")]
    [InlineData("1 Mar 2027", "en-US")]
    public async Task TypedDate_InTheReadersLocale_IsTheFirstOfMarch_ShownOneWay(string typed, string locale)
    {
        await Services.GetRequiredService<ReaderTimeZone>().UseLocaleAsync(locale);
        DateTime? picked = null;
        var field = Render<DateField>(p => p
            .Add(f => f.DateChanged, EventCallback.Factory.Create<DateTime?>(this, d => picked = d))
            .AddUnmatched("data-testid", "date"));

        field.Find("input").Change(typed);

        field.WaitForAssertion(() => Assert.Equal(new DateTime(2027, 3, 1), picked));
        Assert.Equal("1 Mar 2027", field.Find("input").GetAttribute("value"));
        Assert.DoesNotContain("Not a valid", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatIsNotADate_SaysSo_AndChangesNothing()
    {
        var changed = false;
        bool? valid = null;
        var field = Render<DateField>(p => p
            .Add(f => f.DateChanged, EventCallback.Factory.Create<DateTime?>(this, _ => changed = true))
            .Add(f => f.ValidChanged, EventCallback.Factory.Create<bool>(this, v => valid = v)));

        field.Find("input").Change("next week");

        field.WaitForAssertion(() => Assert.False(valid));
        Assert.False(changed);
        Assert.Contains("Not a date we can read", field.Markup, StringComparison.Ordinal);
    }
}
