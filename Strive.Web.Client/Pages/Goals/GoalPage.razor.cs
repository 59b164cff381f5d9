using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Web.Client.Components;
using Strive.Web.Client.Components.Goals;

namespace Strive.Web.Client.Pages.Goals;

/// <summary>
/// One goal: header, board, people and activity. Reloads whenever the goal changes, whether here,
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
    private List<BreadcrumbItem> _crumbs = [];

    [Inject] private IGoalService Goals { get; set; } = default!;
    [Inject] private IMilestoneService Milestones { get; set; } = default!;
    [Inject] private IStakeholderService Stakeholders { get; set; } = default!;
    [Inject] private ISupportService Supports { get; set; } = default!;
    [Inject] private IGoalChangeNotifier Notifier { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter] public string GoalId { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        _actorId = await CurrentUser.IdAsync(AuthenticationState);
        _subscription?.Dispose();
        _goal = null;
        _error = null;
        await ReloadAsync();
        if (_error is null)
        {
            _subscription = Notifier.Subscribe(GoalId, _ => InvokeAsync(async () =>
            {
                // A notice can still be on its way while the user leaves the page.
                if (_disposed)
                {
                    return;
                }

                await ReloadAsync();
                StateHasChanged();
            }));
        }
    }

    /// <summary>
    /// Loads everything the page shows. One load at a time: the circuit's services share one scope,
    /// and a change notice can arrive while the user's own save is still reloading.
    /// </summary>
    private async Task ReloadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            var goal = await Goals.GetAsync(_actorId, GoalId);
            if (!goal.IsSuccess)
            {
                _error = goal.Error;
                return;
            }

            var milestones = await Milestones.ListAsync(_actorId, GoalId);
            var supports = await Supports.ListAsync(_actorId, GoalId);
            var stakeholders = await Stakeholders.ListAsync(_actorId, GoalId);
            var events = await Goals.ListEventsAsync(_actorId, GoalId, TimelineLength);

            _goal = goal.Value;
            _milestones = milestones.IsSuccess ? milestones.Value : _milestones ?? [];
            _supports = supports.IsSuccess ? supports.Value : _supports;
            _stakeholders = stakeholders.IsSuccess ? stakeholders.Value : _stakeholders;
            _events = events.IsSuccess ? events.Value : _events;
            _crumbs = [new("Goals", "goals"), new(_goal.Title, null, disabled: true)];
        }
        finally
        {
            _loading.Release();
        }
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
