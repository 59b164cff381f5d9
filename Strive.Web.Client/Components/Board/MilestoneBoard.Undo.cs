using Microsoft.JSInterop;
using MudBlazor;
using Strive.Domain.Common;
using Strive.Domain.Milestones;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// Undo for a move or a status change, offered in the snackbar for as long as it shows. The undo is the
/// same domain call the other way (<see cref="IMilestoneService.MoveAsync"/>, or a status change), queued
/// behind the board's other saves, and made only if the milestone is as our change left it: its
/// <see cref="MilestoneView.UpdatedAt"/> is what our save answered. The check and the undo are one atomic
/// step: the undo is conditional on the goal version the check read (docs/decisions/002), so a change
/// landing in between makes it re-check rather than overwrite.
/// </summary>
public sealed partial class MilestoneBoard
{
    private static readonly DomainError ChangedSince = DomainError.Define(ErrorKind.Conflict,
        "board.undo_changed_since", null,
        "The milestone has changed since",
        "Not undone: the milestone was changed after yours, so undoing now would overwrite that change.");

    private UndoOffer? _undo;

    /// <summary>The latest change the snackbar offers to undo, and that snackbar: what Ctrl+Z undoes.</summary>
    private (Func<Task> Undo, Snackbar? Shown)? _latestUndo;

    /// <summary>Ctrl+Z (Cmd+Z) on the page: undoes the change the snackbar offers, as its Undo button does.</summary>
    [JSInvokable]
    public Task UndoLatest()
    {
        if (_latestUndo is not { } latest)
        {
            return Task.CompletedTask;
        }

        _latestUndo = null;
        if (latest.Shown is { } shown)
        {
            Snackbar.Remove(shown);
        }

        return InvokeAsync(latest.Undo);
    }

    /// <summary>Offers to put <paramref name="before"/> back. A run of changes to one milestone undoes as one.</summary>
    private void OfferUndo(UndoKind kind, MilestoneView before, int fromPosition, MilestoneView after, string what)
    {
        var earlier = _undo is { } open && open.MilestoneId == before.Id && open.Kind == kind && !open.Used ? open : null;
        if (_undo?.Snackbar is { } shown)
        {
            Snackbar.Remove(shown);
        }

        var offer = new UndoOffer(kind, before.Id, earlier?.Before ?? before, earlier?.FromPosition ?? fromPosition) { After = after };
        _undo = offer;
        offer.Snackbar = Snackbar.Add(what, Severity.Normal, config =>
        {
            config.Action = "Undo";
            config.ActionColor = Color.Primary;
            config.RequireInteraction = false;
            config.VisibleStateDuration = 10_000;
            config.SnackbarVariant = Variant.Filled;
            config.OnClick = _ => InvokeAsync(() => UndoAsync(offer));
        });
        _latestUndo = (() => UndoAsync(offer), offer.Snackbar);
    }

    private async Task UndoAsync(UndoOffer offer)
    {
        if (offer.Used)
        {
            return;
        }

        offer.Used = true;
        if (ReferenceEquals(_undo, offer))
        {
            _undo = null;
        }

        var shown = _rows.FirstOrDefault(m => m.Id == offer.MilestoneId);
        if (shown is null)
        {
            Snackbar.Add("Not undone: the milestone is no longer on the board.", Severity.Warning);
            return;
        }

        if (offer.Kind == UndoKind.Move)
        {
            await MoveToAsync(offer.MilestoneId, Math.Min(offer.FromPosition, _rows.Count - 1), focus: true, undoing: offer);
        }
        else
        {
            await SetStatusAsync(shown, offer.Before.Status, undoing: offer);
        }
    }

    /// <summary>
    /// Runs an undo's write only if the milestone is still as our change left it; the write is conditional on
    /// the goal version read with that check, and re-checks (a few times) when another change lands in between.
    /// </summary>
    private async Task<Result<MilestoneView>> GuardedAsync(UndoOffer offer,
        Func<VersionCondition, Task<Result<MilestoneView>>> write)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await Milestones.GetAsync(ActorId, Goal.Id, offer.MilestoneId);
            if (!current.IsSuccess)
            {
                return current.Error;
            }

            if (offer.After is not { } after || current.Value.UpdatedAt != after.UpdatedAt)
            {
                return ChangedSince;
            }

            var result = await write(new VersionCondition([current.Value.GoalVersion]));
            if (result.IsSuccess || result.Error.Kind != ErrorKind.PreconditionFailed || attempt == 3)
            {
                return result;
            }
        }
    }

    private enum UndoKind
    {
        Move,
        Status,
    }

    /// <param name="Before">The milestone before the first change of the run (its status is what an undo restores).</param>
    /// <param name="FromPosition">Its zero-based position before the first move of the run.</param>
    private sealed record UndoOffer(UndoKind Kind, string MilestoneId, MilestoneView Before, int FromPosition)
    {
        /// <summary>The milestone as our last save of the run answered it; null until that save is done.</summary>
        public MilestoneView? After { get; set; }

        public Snackbar? Snackbar { get; set; }

        public bool Used { get; set; }
    }
}
