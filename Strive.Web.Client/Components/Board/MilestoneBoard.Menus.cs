using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using Strive.Domain.Milestones;

namespace Strive.Web.Client.Components.Board;

/// <summary>
/// The board's two shared menus (status, and the row's actions). Two MudMenus per row cost a popover,
/// its JS registration and most of each row's markup; one pair for the board opens beside the row
/// that asked and acts on it. Neither is rendered until asked for, and a menu leaves the render tree
/// again once it closes: an open board that nobody is using holds no menu components at all.
/// </summary>
public sealed partial class MilestoneBoard
{
    private MudMenu? _statusMenu;
    private MudMenu? _actionsMenu;
    private MilestoneView? _menuTarget;
    private RowMenuRequest? _openedFrom;

    /// <summary>The one menu in the render tree, if any.</summary>
    private RowMenu? _mountedMenu;

    /// <summary>Completed by the render that put the asked-for menu in the tree.</summary>
    private TaskCompletionSource? _menuRendered;

    private async Task OpenMenuAsync(RowMenuRequest request)
    {
        _menuTarget = request.Milestone;
        _openedFrom = request;
        var menu = await MountMenuAsync(request.Menu);
        if (menu is null)
        {
            return;
        }

        var at = request.Click;
        var script = await ScriptAsync();
        // A click from the keyboard has no pointer position: open under the button instead.
        if (at.Detail == 0 && script is not null)
        {
            var corner = await script.InvokeAsync<double[]?>("anchorOf", _element, request.Milestone.Id, TestIdOf(request.Menu));
            at = corner is [var x, var y, var pageX, var pageY]
                ? new MouseEventArgs { ClientX = x, ClientY = y, PageX = pageX, PageY = pageY, ScreenX = x, ScreenY = y, OffsetX = x, OffsetY = y }
                : at;
        }

        await menu.OpenMenuAsync(at);
        if (script is not null)
        {
            await script.InvokeVoidAsync("focusOpenMenu");
        }
    }

    /// <summary>Renders the asked-for menu (and only it) and waits until it is in the browser.</summary>
    private async Task<MudMenu?> MountMenuAsync(RowMenu which)
    {
        MudMenu? Mounted() => which == RowMenu.Status ? _statusMenu : _actionsMenu;
        if (_mountedMenu == which && Mounted() is { } menu)
        {
            return menu;
        }

        // The other menu, if it was open, leaves the tree with this render.
        _statusMenu = null;
        _actionsMenu = null;
        _mountedMenu = which;
        _menuRendered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        StateHasChanged();
        await _menuRendered.Task;
        return Mounted();
    }

    private void OnMenusRendered()
    {
        if (_menuRendered is { } rendered && (_mountedMenu == RowMenu.Status ? _statusMenu : _actionsMenu) is not null)
        {
            _menuRendered = null;
            rendered.TrySetResult();
        }
    }

    private async Task OnMenuOpenChanged(bool open)
    {
        if (open)
        {
            return;
        }

        // A closed menu leaves the tree (its item's click has already been handed to the board).
        _mountedMenu = null;
        _statusMenu = null;
        _actionsMenu = null;
        if (_openedFrom is not { } from)
        {
            return;
        }

        _openedFrom = null;
        // Give focus back to the button that opened the menu, so the keyboard carries on from there.
        if (_script is not null)
        {
            try
            {
                await _script.InvokeVoidAsync("focusControl", _element, from.Milestone.Id, TestIdOf(from.Menu));
            }
            catch (JSDisconnectedException)
            {
                // The page is gone.
            }
        }
    }

    [JSInvokable]
    public async Task CloseMenus()
    {
        if (_statusMenu is not null)
        {
            await _statusMenu.CloseMenuAsync();
        }

        if (_actionsMenu is not null)
        {
            await _actionsMenu.CloseMenuAsync();
        }
    }

    private Task SetStatusAsync(MilestoneStatus status) =>
        _menuTarget is { } target ? SetStatusAsync(target, status) : Task.CompletedTask;

    private static string TestIdOf(RowMenu menu) => menu == RowMenu.Status ? "milestone-status" : "milestone-menu";
}
