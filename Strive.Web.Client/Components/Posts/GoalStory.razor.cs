using Microsoft.AspNetCore.Components;
using MudBlazor;
using Strive.Domain.Common;
using Strive.Domain.Events;
using Strive.Domain.Milestones;
using Strive.Domain.Posts;
using Strive.Web.Client.Components.Time;

namespace Strive.Web.Client.Components.Posts;

/// <summary>
/// The story of a goal (docs/api/API.md "Posts: the goal's story"), through <see cref="IPostService"/> like
/// every other door. It listens to the goal's change notices itself, so a post written in another browser or
/// through the API appears without a reload, and the rest of the page does not have to carry it.
/// </summary>
public sealed partial class GoalStory
{
    private const int PageSize = 20;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private IDisposable? _subscription;
    private bool _disposed;
    private List<PostView>? _posts;
    private IReadOnlyList<StoryEntry> _entries = [];
    private bool _hasMore;
    private bool _loadingOlder;
    private DomainError? _error;
    private PostView? _editing;
    private string? _editText;
    private DomainError? _editError;

    [Inject] private IPostService Posts { get; set; } = default!;
    [Inject] private IGoalChangeNotifier Notifier { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter] private ReaderClock Clock { get; set; } = default!;

    [Parameter, EditorRequired] public string GoalId { get; set; } = "";

    /// <summary>The reader; empty for a visitor of a public goal who is not signed in.</summary>
    [Parameter] public string ActorId { get; set; } = "";

    /// <summary>Admins and achievers write into the story.</summary>
    [Parameter] public bool CanPost { get; set; }

    /// <summary>Admins change and delete anyone's posts; everyone else only their own.</summary>
    [Parameter] public bool IsAdmin { get; set; }

    /// <summary>The public page: the story to read, nothing to change.</summary>
    [Parameter] public bool ReadOnly { get; set; }

    /// <summary>The goal's milestones: to link a post to, and whose completions the story shows.</summary>
    [Parameter] public IReadOnlyList<MilestoneView>? Milestones { get; set; }

    protected override async Task OnInitializedAsync()
    {
        await ReloadAsync();
        if (RendererInfo.IsInteractive)
        {
            _subscription = Notifier.Subscribe(GoalId, _ => InvokeAsync(async () =>
            {
                if (!_disposed)
                {
                    await ReloadAsync();
                    StateHasChanged();
                }
            }));
        }
    }

    protected override void OnParametersSet() => Merge();

    /// <summary>The newest page again, as long as what was shown (older pages the reader loaded stay loaded).</summary>
    private async Task ReloadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            var page = await Posts.ListAsync(ActorId, GoalId, Math.Clamp(_posts?.Count ?? PageSize, PageSize, IPostService.MaxLimit));
            _error = page.IsSuccess ? null : page.Error;
            if (page.IsSuccess)
            {
                (_posts, _hasMore) = ([.. page.Value.Items], page.Value.HasMore);
                Merge();
            }
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task LoadOlderAsync()
    {
        if (_posts is not { Count: > 0 } || _loadingOlder)
        {
            return;
        }

        _loadingOlder = true;
        try
        {
            var page = await Posts.ListAsync(ActorId, GoalId, PageSize, _posts[^1].Id);
            if (page.IsSuccess)
            {
                _posts.AddRange(page.Value.Items.Where(p => _posts.All(kept => kept.Id != p.Id)));
                _hasMore = page.Value.HasMore;
                Merge();
            }
            else
            {
                Snackbar.Add(page.Error.PersonMessage, Severity.Error);
            }
        }
        finally
        {
            _loadingOlder = false;
        }
    }

    private void Merge() => _entries = _posts is null ? [] : StoryEntry.Merge(_posts, _hasMore, Milestones);

    private string? MilestoneName(string? milestoneId) =>
        milestoneId is null ? null : Milestones?.FirstOrDefault(m => m.Id == milestoneId)?.Content;

    private void StartEdit(PostView post) => (_editing, _editText, _editError) = (post, post.Description, null);

    private async Task SaveEditAsync()
    {
        if (_editing is not { } post)
        {
            return;
        }

        var saved = await Posts.UpdateAsync(ActorId, GoalId, post.Id, new PostChanges { Description = _editText });
        if (!saved.IsSuccess)
        {
            _editError = saved.Error;
            return;
        }

        _editing = null;
        await ReloadAsync();
    }

    private async Task DeleteAsync(PostView post)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Delete this post?",
            "The post and its photos will be gone for everyone. This cannot be undone.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var deleted = await Posts.DeleteAsync(ActorId, GoalId, post.Id);
        if (!deleted.IsSuccess)
        {
            Snackbar.Add(deleted.Error.PersonMessage, Severity.Error);
            return;
        }

        Snackbar.Add("Post deleted", Severity.Success);
        await ReloadAsync();
    }

    private async Task OpenPhotoAsync(string mediaId, string alt)
    {
        var parameters = new DialogParameters<PhotoDialog> { { d => d.MediaId, mediaId }, { d => d.Alt, alt } };
        await Dialogs.ShowAsync<PhotoDialog>(alt, parameters,
            new DialogOptions { MaxWidth = MaxWidth.Large, CloseOnEscapeKey = true, CloseButton = true });
    }

    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
        _loading.Dispose();
    }
}
