using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Web.Client.Components.Dialogs;
using Strive.Web.Client.Components.Supports;

namespace Strive.Web.Client.Components.Board;

/// <summary>The board's conversations: editing, deleting, pledging and closing a finished goal.</summary>
public sealed partial class MilestoneBoard
{
    private async Task OfferToFinishGoalAsync()
    {
        var answer = await Dialogs.ShowMessageBoxAsync("Every milestone is finished",
            $"Nothing is left pending on \"{Goal.Title}\". Do you want to close the goal?",
            yesText: "Mark goal succeeded", noText: "Mark goal failed", cancelText: "Not yet");
        if (answer is null)
        {
            return;
        }

        var status = answer.Value ? GoalStatus.Succeeded : GoalStatus.Failed;
        var result = await Goals.UpdateAsync(ActorId, Goal.Id, new GoalChanges { Status = status });
        if (!ShowError(result))
        {
            Snackbar.Add($"Goal marked {status.ToString().ToLowerInvariant()}", Severity.Success);
            await Changed.InvokeAsync();
        }
    }

    /// <summary>
    /// The editor saves as the person types and reports each save; the board reloads once it closes,
    /// whichever way it was closed (Done, Esc or the backdrop), if anything was saved.
    /// </summary>
    private async Task OpenEditorAsync(MilestoneView milestone)
    {
        var saved = false;
        var parameters = new DialogParameters<MilestoneEditorDialog>
        {
            { d => d.Milestone, milestone },
            { d => d.ActorId, ActorId },
            { d => d.Saved, EventCallback.Factory.Create<MilestoneView>(this, _ => saved = true) },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<MilestoneEditorDialog>("Edit milestone", parameters, options);
        await dialog.Result;
        await FocusRowAsync(milestone.Id);
        if (saved)
        {
            await Changed.InvokeAsync();
        }
    }

    private async Task DeleteAsync(MilestoneView milestone)
    {
        var supports = milestone.SupportCount switch
        {
            0 => "",
            1 => " It has 1 pledged support, which will be removed with it.",
            var n => $" It has {n} pledged supports, which will be removed with it.",
        };
        if (!await Dialogs.ConfirmAsync("Delete milestone?",
                $"\"{milestone.Content}\" will be removed from the board.{supports}", "Delete"))
        {
            await FocusRowAsync(milestone.Id);
            return;
        }

        var result = await Milestones.DeleteAsync(ActorId, Goal.Id, milestone.Id);
        if (ShowError(result))
        {
            return;
        }

        var position = _positions.GetValueOrDefault(milestone.Id);
        ShowRows([.. _rows.Where(m => m.Id != milestone.Id)]);
        var shown = Snackbar.Add($"Deleted \"{milestone.Content}\"", Severity.Info, config =>
        {
            config.Action = "Undo";
            config.ActionColor = Color.Primary;
            // An action would keep the snackbar up until dismissed; undo is a moment's offer, not a chore.
            config.RequireInteraction = false;
            config.VisibleStateDuration = 10_000;
            config.OnClick = _ => InvokeAsync(() => UndoDeleteAsync(milestone, position));
        });
        _latestUndo = (() => UndoDeleteAsync(milestone, position), shown);
        await Changed.InvokeAsync();
    }

    /// <summary>
    /// Shows the milestone back where it was at once and restores it in the queue of saves, like any other
    /// change of the board; the server puts it at its old position (or last), and the reload shows that.
    /// </summary>
    private async Task UndoDeleteAsync(MilestoneView milestone, int position)
    {
        if (_positions.ContainsKey(milestone.Id))
        {
            return;
        }

        var rows = new List<MilestoneView>(_rows);
        rows.Insert(Math.Min(position, rows.Count), milestone);
        ShowRows(rows);
        _announcement = $"Restored '{milestone.Content}' at position {Math.Min(position, rows.Count - 1) + 1}";
        if (await SaveAsync(() => Milestones.RestoreAsync(ActorId, Goal.Id, milestone.Id)))
        {
            Snackbar.Add($"Restored \"{milestone.Content}\"", Severity.Success);
        }
    }

    /// <summary>A closed dialog hands focus back to the row it was about (when nothing else took it).</summary>
    private async Task FocusRowAsync(string id)
    {
        if (await ScriptAsync() is { } script)
        {
            await script.InvokeVoidAsync("focusRow", _element, id);
        }
    }

    private async Task PledgeAsync(MilestoneView milestone)
    {
        var parameters = new DialogParameters<PledgeDialog> { { d => d.Milestone, milestone } };
        var options = new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<PledgeDialog>("Pledge support", parameters, options);
        var outcome = await dialog.Result;
        if (outcome is not { Canceled: false, Data: string text })
        {
            return;
        }

        var result = await Supports.PledgeAsync(ActorId, Goal.Id, milestone.Id, text);
        if (!ShowError(result))
        {
            Snackbar.Add("Thanks! Your pledge is recorded.", Severity.Success);
            await Changed.InvokeAsync();
        }
    }

    private async Task DecideAsync(PledgeDecisionRequest request)
    {
        if (await PledgeDecider.DecideAsync(Dialogs, Supports, Snackbar, ActorId, Goal.Id, request))
        {
            await Changed.InvokeAsync();
        }
    }
}
