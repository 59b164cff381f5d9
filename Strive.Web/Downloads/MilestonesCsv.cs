using System.Globalization;
using System.Text;
using Strive.Web.Api;
using Strive.Web.Api.V1;

namespace Strive.Web.Downloads;

/// <summary>
/// A goal's milestones as a spreadsheet opens them: UTF-8 with a byte-order mark (Excel otherwise reads the
/// bytes as the local code page), one row per milestone in board order, RFC 4180 quoting, ISO 8601 UTC dates.
/// </summary>
public static class MilestonesCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["order", "content", "description", "status", "deadline", "finishedAt", "subtasksDone", "subtasksTotal",
            "createdAt", "updatedAt", "id"];

    public static byte[] Write(IReadOnlyList<MilestoneResponse> milestones)
    {
        ArgumentNullException.ThrowIfNull(milestones);
        var text = new StringBuilder();
        AppendRow(text, Header);
        foreach (var m in milestones)
        {
            AppendRow(text, [
                m.Order.ToString(CultureInfo.InvariantCulture), m.Content, m.Description,
                m.Status.ToString().ToLowerInvariant(), Time(m.Deadline), Time(m.FinishedAt),
                m.Subtasks.Count(s => s.Completed).ToString(CultureInfo.InvariantCulture),
                m.Subtasks.Count.ToString(CultureInfo.InvariantCulture), Time(m.CreatedAt), Time(m.UpdatedAt), m.Id,
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Time(DateTimeOffset? value) => value is { } v ? ApiJson.FormatTime(v) : "";

    private static void AppendRow(StringBuilder text, IEnumerable<string> cells)
    {
        text.AppendJoin(',', cells.Select(Quote));
        text.Append("\r\n");
    }

    /// <summary>Quoted when it holds a comma, quote or line break; quotes inside are doubled.</summary>
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
