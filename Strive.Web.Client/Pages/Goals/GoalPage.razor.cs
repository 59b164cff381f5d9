using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Web.Client.Components;
using Strive.Web.Client.Components.Board;
using Strive.Web.Client.Components.Goals;

namespace Strive.Web.Client.Pages.Goals;

/// <summary>
/// One goal as its stakeholders see it: header, board, people and activity (routed by <see cref="GoalLinkPage"/>,
/// which shows anyone else the read-only board of a public goal). Reloads whenever the goal changes, whether here,
/// in another browser or through the API (<see cref="IGoalChangeNotifier"/>).
/// </summary>
public sealed partial class GoalPage
{
    private const int TimelineLength = 30;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private IDisposable? _subscription;
    private bool _disposed;
    private string _actorId = "";
    private DomainError? _error;
    private GoalView? _goal;
    private IReadOnlyList<MilestoneView>? _milestones;
    private IReadOnlyList<SupportView> _supports = [];
    private IReadOnlyList<StakeholderView>? _stakeholders;
    private IReadOnlyList<GoalEventView>? _events;
    private string _othersChange = "";

    /// <summary>The goal was on screen before the last load failed: it went while open, not "not found".</summary>
    private bool _wasShown;

    [Inject] private IGoalService Goals { get; set; } = default!;
    [Inject] private IGoalChangeNotifier Notifier { get; set; } = default!;
    [Inject] private ChangeOrigin Origin { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter] public string GoalId { get; set; } = "";

    /// <summary>
    /// Loads before the first render rather than after it. The page was prerendered with its data; if
    /// the circuit's first render had none, the whole board would flash into a skeleton and back.
    /// (Carrying the prerendered data over in [PersistentState] instead costs its size twice: in the
    /// page, and in the circuit's start message, which SignalR caps at 32 KB.)
    /// </summary>
    public override async Task SetParametersAsync(ParameterView parameters)
    {
        var previousGoal = GoalId;
        parameters.SetParameterProperties(this);
        if (_goal is null || previousGoal != GoalId)
        {
            await OpenGoalAsync();
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }

    private async Task OpenGoalAsync()
    {
        _actorId = await CurrentUser.IdAsync(AuthenticationState);
        _subscription?.Dispose();
        _subscription = null;
        _error = null;
        _goal = null;
        _wasShown = false;
        await ReloadAsync();
        // Someone without access yet listens too: being invited is a change to the goal, and the page then
        // shows the board without a reload (a notice says only "changed"; access is checked again on reload).
        if (_error is not { Kind: ErrorKind.NotFound } && RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(GoalId, change => InvokeAsync(async () =>
            {
                // A notice can still be on its way while the user leaves the page; and the change this
                // circuit made itself was already reloaded by the component that made it.
                if (_disposed || change.Origin == Origin.Id)
                {
                    return;
                }

                var before = _milestones;
                await ReloadAsync();
                AnnounceOthersChange(change, before);
                StateHasChanged();
            }));
        }
    }

    /// <summary>
    /// Loads everything the page shows in one domain call. One load at a time: the circuit's services
    /// share one scope, and a change notice can arrive while the user's own save is still reloading.
    /// </summary>
    private async Task ReloadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            var board = await Goals.GetBoardAsync(_actorId, GoalId, TimelineLength);
            if (!board.IsSuccess)
            {
                _wasShown = _goal is not null;
                _error = board.Error;
                return;
            }

            // Access can change while the page is open (invited, removed, roles changed): each reload decides again.
            _error = null;
            Show(board.Value);
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Someone else's change, said politely to a screen reader (the page's status region): the board changes
    /// under the reader's eyes otherwise without a word. The same words twice are made to differ, so they
    /// are announced again.
    /// </summary>
    private void AnnounceOthersChange(GoalChange change, IReadOnlyList<MilestoneView>? before)
    {
        var who = change.ActorId is null ? "Strive"
            : change.ActorId == _actorId ? "You (in another window)"
            : _stakeholders?.FirstOrDefault(s => s.UserId == change.ActorId)?.ShownName ?? "Someone";
        var said = BoardChangeSummary.Describe(before, _milestones, who);
        _othersChange = said == _othersChange ? said + "\u00a0" : said;
    }

    private void Show(GoalBoardView board)
    {
        _goal = board.Goal;
        _milestones = ShownViews.Keep(_milestones, board.Milestones);
        _supports = board.Supports;
        _stakeholders = board.Stakeholders;
        _events = ShownViews.Keep(_events, board.Events);
    }

    private async Task EditGoalAsync()
    {
        if (_goal is null)
        {
            return;
        }

        var parameters = new DialogParameters<EditGoalDialog> { { d => d.Goal, _goal }, { d => d.ActorId, _actorId } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await Dialogs.ShowAsync<EditGoalDialog>("Edit goal", parameters, options);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Goal saved", Severity.Success);
            await ReloadAsync();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }
}
