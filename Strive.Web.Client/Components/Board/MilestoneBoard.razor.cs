using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// The ordered milestones of one goal. Moves are optimistic: the row moves at once, one
/// <see cref="IMilestoneService.ReorderAsync"/> call saves the whole new order, and a refusal puts the
/// old order back. Every rule (who may move, what an order means) stays in the domain.
/// </summary>
public sealed partial class MilestoneBoard : IAsyncDisposable
{
    private List<MilestoneView> _rows = [];
    private IReadOnlyList<MilestoneView>? _shown;
    private MudDropContainer<MilestoneView>? _container;
    private ElementReference _element;
    private IJSObjectReference? _script;
    private string _announcement = "";
    private string _newContent = "";
    private bool _adding;
    private bool _refreshZone;
    private string? _focusAfterRender;

    [Inject] private IMilestoneService Milestones { get; set; } = default!;
    [Inject] private IGoalService Goals { get; set; } = default!;
    [Inject] private ISupportService Supports { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public GoalView Goal { get; set; } = default!;
    [Parameter, EditorRequired] public string ActorId { get; set; } = "";
    [Parameter, EditorRequired] public IReadOnlyList<MilestoneView> Items { get; set; } = [];
    [Parameter] public IReadOnlyList<SupportView> GoalSupports { get; set; } = [];

    /// <summary>Raised after a change was saved, so the page reloads counters and the timeline.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    private bool CanPlan => Goal.MyRoles.CanPlan();

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(Items, _shown))
        {
            _shown = Items;
            _rows = [.. Items];
            _refreshZone = true;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The drop zone keeps its own idea of the order; tell it after the container has the new rows.
        if (_refreshZone)
        {
            _refreshZone = false;
            _container?.Refresh();
        }

        if (firstRender && CanPlan)
        {
            _script = await JS.InvokeAsync<IJSObjectReference>(
                "import", "./_content/Strive.Web.Client/Components/Board/MilestoneBoard.razor.js");
            if (_script is not null)
            {
                await _script.InvokeVoidAsync("attach", _element);
            }
        }

        if (_focusAfterRender is { } id && _script is not null)
        {
            await _script.InvokeVoidAsync("focusRow", _element, id);
        }
    }

    private IReadOnlyList<SupportView> PledgesOf(MilestoneView milestone) =>
        [.. GoalSupports.Where(s => s.MilestoneId == milestone.Id && s.SupporterId == ActorId)];

    private int AwaitingDecision(MilestoneView milestone) =>
        milestone.Status == MilestoneStatus.Pending ? 0
            : GoalSupports.Count(s => s.MilestoneId == milestone.Id && s.NeedsDecision is not null
                && s.Status == SupportStatus.Open);

    private Task OnDroppedAsync(MudItemDropInfo<MilestoneView> drop) =>
        drop.Item is null ? Task.CompletedTask : MoveToAsync(drop.Item, drop.IndexInZone, focus: false);

    private Task MoveAsync((MilestoneView Milestone, int Index) move) =>
        MoveToAsync(move.Milestone, move.Index, focus: true);

    private async Task MoveToAsync(MilestoneView milestone, int index, bool focus)
    {
        var from = _rows.FindIndex(m => m.Id == milestone.Id);
        index = Math.Clamp(index, 0, _rows.Count - 1);
        if (from < 0 || from == index)
        {
            _refreshZone = true;
            return;
        }

        var before = _rows;
        var after = new List<MilestoneView>(before);
        after.RemoveAt(from);
        after.Insert(index, milestone);
        _rows = after;
        _refreshZone = true;
        _focusAfterRender = focus ? milestone.Id : _focusAfterRender;
        _announcement = $"Moved '{milestone.Content}' to position {index + 1} of {after.Count}";
        StateHasChanged();

        var result = await Milestones.ReorderAsync(ActorId, Goal.Id, [.. after.Select(m => m.Id)]);
        if (!result.IsSuccess)
        {
            _rows = before;
            _refreshZone = true;
            _announcement = $"Could not move '{milestone.Content}': {result.Error.Message}";
            Snackbar.Add(result.Error.Message, Severity.Error);
            return;
        }

        await Changed.InvokeAsync();
    }

    private async Task OnNewKeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key != "Enter" || string.IsNullOrWhiteSpace(_newContent) || _adding)
        {
            return;
        }

        _adding = true;
        var result = await Milestones.CreateAsync(ActorId, Goal.Id, new NewMilestone(_newContent.Trim()));
        _adding = false;
        if (ShowError(result))
        {
            return;
        }

        _newContent = "";
        _rows = [.. _rows, result.Value!];
        _refreshZone = true;
        _announcement = $"Added '{result.Value!.Content}' at position {_rows.Count}";
        await Changed.InvokeAsync();
    }

    private async Task SetStatusAsync((MilestoneView Milestone, MilestoneStatus Status) change)
    {
        if (change.Milestone.Status == change.Status)
        {
            return;
        }

        var result = await Milestones.UpdateAsync(ActorId, Goal.Id, change.Milestone.Id,
            new MilestoneChanges { Status = change.Status });
        if (ShowError(result))
        {
            return;
        }

        var stillPending = _rows.Count(m => m.Id != change.Milestone.Id && m.Status == MilestoneStatus.Pending);
        _announcement = $"'{change.Milestone.Content}' is now {change.Status}";
        await Changed.InvokeAsync();
        if (change.Status != MilestoneStatus.Pending && stillPending == 0 && Goal.Status == GoalStatus.Pending
            && Goal.MyRoles.IsAdmin())
        {
            await OfferToFinishGoalAsync();
        }
    }


    private bool ShowError<T>(Result<T> result)
    {
        if (result.IsSuccess)
        {
            return false;
        }

        Snackbar.Add(result.Error.Message, Severity.Error);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_script is not null)
        {
            try
            {
                await _script.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; nothing to clean up in the browser.
            }
        }
    }
}
