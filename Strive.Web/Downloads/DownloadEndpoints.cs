using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Strive.Domain.Goals;
using Strive.Domain.Users;
using Strive.Web.Api;
using Strive.Web.Api.Auth;
using Strive.Web.Api.V1;

namespace Strive.Web.Downloads;

/// <summary>
/// What the browser downloads (signed in with its cookie): a goal's export as JSON, the same document
/// GET /api/v1/goals/:goalId/export answers, and its milestones as CSV. Plain links, no script: the
/// goal page and the account page point at them.
/// </summary>
public static class DownloadEndpoints
{
    public static string GoalJson(string goalId) => $"download/goals/{Uri.EscapeDataString(goalId)}/export.json";

    public static string GoalCsv(string goalId) => $"download/goals/{Uri.EscapeDataString(goalId)}/milestones.csv";

    public static WebApplication MapStriveDownloads(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/download").RequireAuthorization();
        group.MapGet("/goals/{goalId}/export.json", GoalJsonAsync);
        group.MapGet("/goals/{goalId}/milestones.csv", GoalCsvAsync);
        group.MapGet("/my-data.json", MyDataAsync);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GoalJsonAsync(string goalId, ClaimsPrincipal user,
        IGoalExportService exports, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var export = await exports.ExportAsync(user.UserId(), goalId, cancellationToken);
        if (!export.IsSuccess)
        {
            return TypedResults.NotFound();
        }

        var body = JsonSerializer.SerializeToUtf8Bytes(
            new DataResponse<GoalExportResponse>(GoalExportResponse.From(export.Value)), json.Value.SerializerOptions);
        return TypedResults.File(body, "application/json", FileName(export.Value.Goal.Title, "json"));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> GoalCsvAsync(string goalId, ClaimsPrincipal user,
        IGoalExportService exports, CancellationToken cancellationToken)
    {
        var export = await exports.ExportAsync(user.UserId(), goalId, cancellationToken);
        if (!export.IsSuccess)
        {
            return TypedResults.NotFound();
        }

        var body = MilestonesCsv.Write(MilestoneResponse.From(export.Value.Milestones));
        return TypedResults.File(body, "text/csv; charset=utf-8", FileName(export.Value.Goal.Title, "csv"));
    }

    private static async Task<FileContentHttpResult> MyDataAsync(ClaimsPrincipal user, IAccountService accounts,
        IOptions<JsonOptions> json, TimeProvider clock, CancellationToken cancellationToken)
    {
        var data = await accounts.ExportAsync(user.UserId(), cancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            account = new { data.Id, data.Email, data.DisplayName, data.CreatedAt, data.TwoFactorEnabled },
            goals = data.Goals.Select(GoalExportResponse.From),
            pledges = data.Pledges.Select(SupportResponse.From),
            apiKeys = data.ApiKeys,
            reminders = Array.Empty<object>(),
            connectedApps = Array.Empty<object>(),
            exportedAt = clock.GetUtcNow(),
        }, json.Value.SerializerOptions);
        return TypedResults.File(body, "application/json", "strive-my-data.json");
    }

    /// <summary>The goal's title as a file name: letters, digits and dashes, so no header can be broken by it.</summary>
    internal static string FileName(string title, string extension)
    {
        var safe = new string([.. title.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')])
            .Trim('-');
        while (safe.Contains("--", StringComparison.Ordinal))
        {
            safe = safe.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"{(safe.Length == 0 ? "goal" : safe[..Math.Min(safe.Length, 60)])}.{extension}";
    }
}
