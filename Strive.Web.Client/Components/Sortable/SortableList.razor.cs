using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Strive.Web.Client.Components.Sortable;

/// <summary>
/// A list a person reorders by dragging (SortableJS: mouse and touch, live placeholder, edge
/// auto-scroll). It owns no order of its own: it reports each drop as (key, from, to) and renders
/// whatever items the parent renders into it, so the parent reconciles with the server. The parent renders
/// the items itself, each with <c>@key</c>, and each item's root element must carry its key in the attribute
/// <see cref="KeyAttribute"/> and match <see cref="Draggable"/>.
/// </summary>
public sealed partial class SortableList : IAsyncDisposable
{
    private ElementReference _list;
    private DotNetObjectReference<SortableList>? _self;
    private IJSObjectReference? _module;
    private IJSObjectReference? _sortable;
    private bool _appliedDisabled;

    /// <summary>True from the moment a drag starts until its drop: renders wait, so the DOM stays SortableJS's.</summary>
    private bool _dragging;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    /// <summary>The items, in order, each keyed by the parent.</summary>
    [Parameter, EditorRequired] public RenderFragment ChildContent { get; set; } = default!;

    /// <summary>Raised when a drop moved an item; the list shows the new order until the next render.</summary>
    [Parameter] public EventCallback<SortableMove> OnMove { get; set; }

    /// <summary>CSS selector of the part a person grabs; elsewhere a touch scrolls the page as usual.</summary>
    [Parameter] public string Handle { get; set; } = "[data-sortable-handle]";

    [Parameter] public string Draggable { get; set; } = "[data-sortable-key]";

    /// <summary>
    /// The attribute on each item's root element that holds its key, as reported in a drop. An item that
    /// already names itself (data-milestone-id) needs no second copy of its id, a frame every open list keeps.
    /// </summary>
    [Parameter] public string KeyAttribute { get; set; } = "data-sortable-key";

    [Parameter] public bool Disabled { get; set; }

    [Parameter] public string? Class { get; set; }

    [Parameter(CaptureUnmatchedValues = true)] public IReadOnlyDictionary<string, object>? Attributes { get; set; }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>(
                "import", "./_content/Strive.Web.Client/Components/Sortable/SortableList.razor.js");
            _sortable = await _module.InvokeAsync<IJSObjectReference>("create", _list, _self,
                new { draggable = Draggable, handle = Handle, disabled = Disabled, keyAttribute = KeyAttribute });
            _appliedDisabled = Disabled;
            return;
        }

        if (_sortable is null)
        {
            return;
        }

        // Whatever the parent rendered is now the DOM's order: drop the drag's temporary view of it.
        await _sortable.InvokeVoidAsync("settle");
        if (_appliedDisabled != Disabled)
        {
            _appliedDisabled = Disabled;
            await _sortable.InvokeVoidAsync("setDisabled", Disabled);
        }
    }

    protected override bool ShouldRender() => !_dragging;

    [JSInvokable]
    public void OnDragStarted() => _dragging = true;

    [JSInvokable]
    public async Task OnDropped(string key, int from, int to)
    {
        _dragging = false;
        if (from != to && from >= 0 && to >= 0)
        {
            await OnMove.InvokeAsync(new SortableMove(key, from, to));
        }

        // Render even when the parent changed nothing, so the list settles back to the order it holds.
        StateHasChanged();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_sortable is not null)
            {
                await _sortable.InvokeVoidAsync("dispose");
                await _sortable.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's list with it.
        }

        _self?.Dispose();
    }
}

/// <summary>A drop: the item's key and its zero-based position before and after.</summary>
public readonly record struct SortableMove(string Key, int From, int To);
