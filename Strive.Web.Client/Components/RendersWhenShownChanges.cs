using Microsoft.AspNetCore.Components;

namespace Strive.Web.Client.Components;

/// <summary>
/// A component whose parent renders again often (at every change to the goal) with parameters that mostly show
/// nothing new. It renders for its own events as usual, and for new parameters only when
/// <see cref="ShowsSameAsBefore"/> says they differ from the ones it last got: each render skipped is a second
/// render tree an open page does not keep (docs/performance.md, "Circuit memory").
/// </summary>
public abstract class RendersWhenShownChanges : ComponentBase
{
    private bool _unchanged;

    /// <summary>Whether the parameters just set show the same as the last ones; asked once per parameter set.</summary>
    protected abstract bool ShowsSameAsBefore();

    protected override void OnParametersSet() => _unchanged = ShowsSameAsBefore();

    protected override bool ShouldRender()
    {
        var render = !_unchanged;
        _unchanged = false;
        return render;
    }

    // A render queued before the parameters arrived has shown them: the flag must not outlive it.
    protected override void OnAfterRender(bool firstRender) => _unchanged = false;
}
