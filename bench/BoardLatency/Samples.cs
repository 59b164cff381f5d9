using System.Globalization;

namespace Strive.Bench.BoardLatency;

/// <summary>Milliseconds from navigation start, as the page's own clock saw them.</summary>
internal sealed record LoadSample(double FirstRowVisible, double FirstRowInDom, double Interactive, long HtmlBytes,
    int Elements, LoadPhases Phases);

/// <summary>
/// Where the time to interactive goes, in milliseconds from navigation start (NaN where the page did not
/// say): the page's HTML received, the DOM parsed, blazor.web.js received, the circuit's WebSocket open,
/// and its last message before the board turned interactive (the render batch); and how many messages and
/// bytes came over that socket until then.
/// </summary>
internal sealed record LoadPhases(double HtmlReceived, double DomContentLoaded, double ScriptLoaded, double SocketOpen,
    double LastMessage, double Messages, double SocketBytes);

/// <summary>
/// Milliseconds from the trigger event to the row first showing the change (<see cref="Shown"/>) and
/// to its last change before it stood still (<see cref="Settled"/>). Both null: the row did not move
/// in time (a drag reported as n/a); <see cref="MovedLate"/> tells whether it moved afterwards.
/// </summary>
internal sealed record ActionSample(double? Shown, double? Settled, bool MovedLate = false);

/// <summary>One round; a null part failed this round (its message went to stderr).</summary>
internal sealed record RoundSample(LoadSample? Load, ActionSample? Keyboard, ActionSample? Status, ActionSample? Drag)
{
    public string Describe() => string.Join(", ",
        $"first row {Ms(Load?.FirstRowVisible)}",
        $"interactive {Ms(Load?.Interactive)}",
        $"keyboard {Ms(Keyboard?.Shown)}",
        $"status {Ms(Status?.Shown)}",
        $"drag {Drag switch { { Shown: null, MovedLate: true } => "n/a (moved after 3 s)", { Shown: null } => "n/a", _ => Ms(Drag?.Shown) }}");

    private static string Ms(double? value) =>
        value is { } ms ? ms.ToString("F0", CultureInfo.InvariantCulture) + " ms" : "failed";
}

/// <summary>Median, p90 (nearest rank), min and max of the values a measurement got.</summary>
internal sealed record Summary(int Count, double Median, double P90, double Min, double Max)
{
    public static Summary? Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var p90 = sorted[(int)Math.Ceiling(0.9 * sorted.Length) - 1];
        return new Summary(sorted.Length, median, p90, sorted[0], sorted[^1]);
    }
}
