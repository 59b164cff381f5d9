using Strive.Domain.Milestones;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Components.Board;

/// <summary>Which milestones the board shows, as kept in the page's address (<c>?show=overdue&amp;q=race</c>).</summary>
public sealed record BoardFilter(BoardShow Show = BoardShow.All, string Text = "")
{
    public static readonly BoardFilter None = new();

    public bool IsActive => Show != BoardShow.All || !string.IsNullOrWhiteSpace(Text);

    /// <summary>The filter an address names; anything unknown reads as "all", so an old or mistyped link still opens.</summary>
    public static BoardFilter From(string? show, string? text) => new(
        Enum.TryParse<BoardShow>(show, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : BoardShow.All,
        // Not trimmed: the search box shows the address's text back while the person types ("run " then "run fast").
        text ?? "");

    /// <summary>The <c>show</c> value for the address (null: leave it out).</summary>
    public string? ShowParameter => Show == BoardShow.All ? null : Show.ToString().ToLowerInvariant();

    /// <summary>The <c>q</c> value for the address (null: leave it out).</summary>
    public string? TextParameter => string.IsNullOrWhiteSpace(Text) ? null : Text;

    public bool Matches(MilestoneView milestone, ReaderClock clock)
    {
        ArgumentNullException.ThrowIfNull(milestone);
        ArgumentNullException.ThrowIfNull(clock);
        var shown = Show switch
        {
            BoardShow.Pending => milestone.Status == MilestoneStatus.Pending,
            BoardShow.Finished => milestone.Status != MilestoneStatus.Pending,
            BoardShow.Overdue => milestone.Status == MilestoneStatus.Pending && milestone.Deadline is { } d && clock.IsOverdue(d),
            _ => true,
        };
        var text = Text.Trim();
        return shown && (text.Length == 0
            || milestone.Content.Contains(text, StringComparison.CurrentCultureIgnoreCase)
            || milestone.Description.Contains(text, StringComparison.CurrentCultureIgnoreCase)
            || milestone.Subtasks.Any(s => s.Content.Contains(text, StringComparison.CurrentCultureIgnoreCase)));
    }
}

public enum BoardShow
{
    All,
    Pending,
    Finished,
    Overdue,
}
