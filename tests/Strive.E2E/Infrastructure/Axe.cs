using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Strive.E2E.Infrastructure;

/// <summary>
/// Runs axe-core (Deque.AxeCore.Playwright) on a page and keeps its findings readable: which page,
/// which rule, how bad, which element and why, so a failing run says what to fix.
/// </summary>
public sealed class Axe
{
    private readonly List<string> _blocking = [];
    private readonly List<string> _moderate = [];

    /// <summary>Critical and serious findings so far, one paragraph each.</summary>
    public IReadOnlyList<string> Blocking => _blocking;

    /// <summary>Moderate and minor findings so far (reported, not failing).</summary>
    public IReadOnlyList<string> Moderate => _moderate;

    /// <summary>Checks the page as it is now, under the name <paramref name="state"/>.</summary>
    public async Task CheckAsync(IPage page, string state)
    {
        var result = await page.RunAxe();
        foreach (var violation in result.Violations)
        {
            var text = Describe(state, violation);
            if (violation.Impact is "critical" or "serious")
            {
                _blocking.Add(text);
            }
            else
            {
                _moderate.Add(text);
            }
        }
    }

    /// <summary>Every finding so far, blocking ones first, for a test's failure message.</summary>
    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"{_blocking.Count} critical/serious and {_moderate.Count} moderate/minor axe findings.");
        foreach (var finding in _blocking.Concat(_moderate))
        {
            report.AppendLine(finding);
        }

        return report.ToString();
    }

    private static string Describe(string state, AxeResultItem violation)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"[{state}] {violation.Impact} {violation.Id}: {violation.Help}");
        foreach (var node in violation.Nodes.Take(5))
        {
            var html = node.Html.Length > 200 ? node.Html[..200] + "…" : node.Html;
            text.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {html}");
            // axe's reasons: any one of "any" would have passed; every "all" and no "none" must hold.
            foreach (var check in node.Any.Concat(node.All).Concat(node.None))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"       {check.Message.ReplaceLineEndings(" ")}");
            }
        }

        if (violation.Nodes.Length > 5)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    … and {violation.Nodes.Length - 5} more");
        }

        return text.ToString();
    }
}
