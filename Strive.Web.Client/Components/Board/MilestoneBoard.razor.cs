using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Web.Client.Components.Sortable;
using Strive.Web.Client.Components.Supports;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// The ordered milestones of one goal. Changes show at once (optimistically) and are saved one after
/// another in the order the person made them, each through one domain call (a move is
/// <see cref="IMilestoneService.MoveAsync"/>, whichever way it was asked for). While saves are pending
/// the board keeps its own order and ignores refreshes; after the last one it asks the page to reload
/// once, so four quick Alt+↓ presses move a row four places and a refusal shows the server's order.
/// </summary>
public sealed partial class MilestoneBoard : IAsyncDisposable
{
    private readonly SemaphoreSlim _saving = new(1, 1);
    private List<MilestoneView> _rows = [];
    private Dictionary<string, int> _positions = [];
    private IReadOnlyList<MilestoneView>? _shown;
    private int _pendingWrites;
    private bool _canSupport;
    private ElementReference _element;
    private IJSObjectReference? _script;
    private Task<IJSObjectReference>? _scriptLoad;
    private IJSObjectReference? _attached;
    private DotNetObjectReference<MilestoneBoard>? _self;
    private string _announcement = "";
    private string _newContent = "";

    /// <summary>How many characters before the limit the new-milestone input starts counting.</summary>
    private const int CounterFrom = 100;
    private bool _adding;
    private string? _focusAfterRender;
    private string? _activeRowId;
    private RowActions? _rowActions;

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

    /// <summary>Raised once after a run of saved changes, so the page reloads counters and the timeline.</summary>
    [Parameter] public EventCallback Changed { get; set; }

    // A finished goal is read-only until reopened (the domain refuses its changes; the board offers none).
    private bool CanPlan => Goal.MyRoles.CanPlan() && !Goal.IsFinished;

    protected override void OnParametersSet()
    {
        _canSupport = Goal.MyRoles.CanSupport();
        // While the person's own changes are being saved, the board's order is newer than any refresh.
        if (!ReferenceEquals(Items, _shown) && _pendingWrites == 0)
        {
            _shown = Items;
            ShowRows([.. Items]);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        OnMenusRendered();
        // Everyone gets the keyboard (arrows between rows); planners also the menus and moves. Loaded once,
        // so a role that changes live (a spectator made achiever) finds it there.
        if (_scriptLoad is null)
        {
            _scriptLoad = LoadScriptAsync();
            await _scriptLoad;
        }

        if (_focusAfterRender is { } id && _script is not null)
        {
            _focusAfterRender = null;
            await _script.InvokeVoidAsync("focusRow", _element, id);
        }
    }

    private async Task<IJSObjectReference> LoadScriptAsync()
    {
        var script = await JS.InvokeAsync<IJSObjectReference>(
            "import", "./_content/Strive.Web.Client/Components/Board/MilestoneBoard.razor.js");
        _self = DotNetObjectReference.Create(this);
        _attached = await script.InvokeAsync<IJSObjectReference>("attach", _element, _self);
        _script = script;
        return script;
    }

    /// <summary>The board's script, waiting for it when a person acts before it has loaded.</summary>
    private async Task<IJSObjectReference?> ScriptAsync() =>
        _script ?? (_scriptLoad is null ? null : await _scriptLoad);

    private int PositionOf(MilestoneView milestone) => _positions.GetValueOrDefault(milestone.Id) + 1;

    /// <summary>The board's one tab stop: the row focused last while it is still there, else the first row.</summary>
    private string? ActiveRowId(List<MilestoneView> visible) =>
        _activeRowId is { } id && visible.Exists(m => m.Id == id) ? id : visible.FirstOrDefault()?.Id;

    private void OnRowFocused(MilestoneView milestone) => _activeRowId = milestone.Id;

    /// <summary>What every row may ask of this board: built once, the same reference for every row and render.</summary>
    private RowActions RowActions => _rowActions ??= new RowActions
    {
        MoveBy = EventCallback.Factory.Create<(MilestoneView Milestone, int By)>(this, MoveByAsync),
        OpenMenu = EventCallback.Factory.Create<RowMenuRequest>(this, OpenMenuAsync),
        Open = EventCallback.Factory.Create<MilestoneView>(this, OpenEditorAsync),
        Pledge = EventCallback.Factory.Create<MilestoneView>(this, PledgeAsync),
        Decide = EventCallback.Factory.Create<PledgeDecisionRequest>(this, DecideAsync),
        Complete = EventCallback.Factory.Create<MilestoneView>(this, CompleteAsync),
        Focused = EventCallback.Factory.Create<MilestoneView>(this, OnRowFocused),
    };

    private Task CompleteAsync(MilestoneView milestone) => SetStatusAsync(milestone, MilestoneStatus.Succeeded);

    private void ShowRows(List<MilestoneView> rows)
    {
        _rows = rows;
        _positions = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            _positions[rows[i].Id] = i;
        }
    }

    /// <summary>The milestone's pledges this person sees (<see cref="BoardPledges"/>).</summary>
    private IReadOnlyList<SupportView> PledgesOf(MilestoneView milestone) =>
        GoalSupports.Count == 0 ? []
            : [.. GoalSupports.Where(s => s.MilestoneId == milestone.Id && s.IsShownTo(Goal.MyRoles, ActorId))];

    private int AwaitingDecision(MilestoneView milestone) =>
        milestone.Status == MilestoneStatus.Pending || GoalSupports.Count == 0 ? 0
            : GoalSupports.Count(s => s.MilestoneId == milestone.Id && s.NeedsDecision is not null
                && s.Status == SupportStatus.Open);

    private Task OnDroppedAsync(SortableMove drop) => MoveToAsync(drop.Key, drop.To, focus: false);

    private Task MoveByAsync((MilestoneView Milestone, int By) move)
    {
        if (RefuseReorderWhileFiltered() || !_positions.TryGetValue(move.Milestone.Id, out var from))
        {
            return Task.CompletedTask;
        }

        var to = move.By switch
        {
            int.MinValue => 0,
            int.MaxValue => _rows.Count - 1,
            var by => Math.Clamp(from + by, 0, _rows.Count - 1),
        };
        return MoveToAsync(move.Milestone.Id, to, focus: true);
    }

    private async Task MoveToAsync(string id, int to, bool focus, UndoOffer? undoing = null)
    {
        if (!_positions.TryGetValue(id, out var from) || from == to || to < 0 || to >= _rows.Count)
        {
            return;
        }

        var milestone = _rows[from];
        var moved = new List<MilestoneView>(_rows);
        moved.RemoveAt(from);
        moved.Insert(to, milestone);
        ShowRows(moved);
        _focusAfterRender = focus ? id : null;
        _activeRowId = focus ? id : _activeRowId;
        _announcement = $"Moved '{milestone.Content}' to position {to + 1} of {moved.Count}";
        var saved = await SaveResultAsync(() => undoing is null
            ? Milestones.MoveAsync(ActorId, Goal.Id, id, to)
            : GuardedAsync(undoing, condition => Milestones.MoveAsync(ActorId, Goal.Id, id, to, condition)));
        if (saved is { IsSuccess: true, Value: { } after } && undoing is null)
        {
            OfferUndo(UndoKind.Move, milestone, from, after, $"Moved \"{milestone.Content}\" to position {to + 1}");
        }
    }

    private async Task SetStatusAsync(MilestoneView milestone, MilestoneStatus status, UndoOffer? undoing = null)
    {
        if (!_positions.TryGetValue(milestone.Id, out var index) || _rows[index].Status == status)
        {
            return;
        }

        var before = _rows[index];
        var changed = new List<MilestoneView>(_rows) { [index] = before with { Status = status } };
        ShowRows(changed);
        _announcement = $"'{milestone.Content}' is now {status}";
        var changes = new MilestoneChanges { Status = status };
        var result = await SaveResultAsync(() => undoing is null
            ? Milestones.UpdateAsync(ActorId, Goal.Id, milestone.Id, changes)
            : GuardedAsync(undoing, condition => Milestones.UpdateAsync(ActorId, Goal.Id, milestone.Id, changes, condition)));
        var saved = result.IsSuccess;
        if (result is { IsSuccess: true, Value: { } after } && undoing is null)
        {
            OfferUndo(UndoKind.Status, before, index, after,
                $"Marked \"{milestone.Content}\" {status.ToString().ToLowerInvariant()}");
        }

        var stillPending = _rows.Any(m => m.Status == MilestoneStatus.Pending);
        if (saved && undoing is null && status != MilestoneStatus.Pending && !stillPending && Goal.Status == GoalStatus.Pending
            && Goal.MyRoles.IsAdmin())
        {
            await OfferToFinishGoalAsync();
        }
    }

    /// <summary>
    /// Shows what the board holds now, then saves after any earlier saves (in order). A refusal is shown
    /// and, once nothing is pending, the page reloads the server's truth.
    /// </summary>
    private async Task<bool> SaveAsync<T>(Func<Task<Result<T>>> write) => (await SaveResultAsync(write)).IsSuccess;

    private async Task<Result<T>> SaveResultAsync<T>(Func<Task<Result<T>>> write)
    {
        _pendingWrites++;
        StateHasChanged();
        Result<T> result;
        await _saving.WaitAsync();
        try
        {
            result = await write();
        }
        finally
        {
            _saving.Release();
            _pendingWrites--;
        }

        if (!result.IsSuccess)
        {
            _announcement = result.Error.PersonMessage;
            Snackbar.Add(result.Error.PersonMessage, Severity.Error);
        }

        if (_pendingWrites == 0)
        {
            _shown = null;
            await Changed.InvokeAsync();
        }

        return result;
    }

    private Task OnNewKeyDownAsync(KeyboardEventArgs e) => e.Key == "Enter" ? AddAsync() : Task.CompletedTask;

    private async Task AddAsync()
    {
        if (string.IsNullOrWhiteSpace(_newContent) || _adding)
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
        ShowRows([.. _rows, result.Value!]);
        _announcement = $"Added '{result.Value!.Content}' at position {_rows.Count}";
        await Changed.InvokeAsync();
    }

    private bool ShowError<T>(Result<T> result)
    {
        if (result.IsSuccess)
        {
            return false;
        }

        Snackbar.Add(result.Error.PersonMessage, Severity.Error);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        _self?.Dispose();
        if (_script is not null)
        {
            try
            {
                if (_attached is not null)
                {
                    await _attached.InvokeVoidAsync("detach");
                    await _attached.DisposeAsync();
                }

                await _script.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; nothing to clean up in the browser.
            }
        }
    }
}
