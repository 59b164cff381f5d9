using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>Deleting, restoring and exporting a goal (docs/api/API.md "Deleting, restoring and exporting a goal").</summary>
public static class GoalLifecycleEndpoints
{
    public static RouteGroupBuilder MapGoalLifecycleEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/goals").WithTags("Goals");
        group.MapDelete("/{goalId}", DeleteAsync).WithName("DeleteGoal").RequireScope(ApiKeyScopes.GoalsWrite)
            .WithSummary("Delete a goal")
            .WithDescription("Admins only. The goal is gone at once for everyone (404 afterwards); its admins can "
                + "restore it for 30 days, after which it is erased with everything in it.")
            .ProducesErrors(GoalErrors.DeleteForbidden, GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        group.MapPost("/{goalId}/restore", RestoreAsync).WithName("RestoreGoal").RequireScope(ApiKeyScopes.GoalsWrite)
            .WithSummary("Restore a deleted goal")
            .WithDescription("Admins only, within 30 days of the deletion: the goal comes back as it was. A live, "
                + "unknown or longer-deleted goal is not found.")
            .ProducesErrors(GoalErrors.RestoreForbidden, GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        group.MapGet("/{goalId}/export", ExportAsync).WithName("ExportGoal").RequireScope(ApiKeyScopes.GoalsRead)
            .WithSummary("Export a goal")
            .WithDescription("Stakeholders. The goal, its milestones, posts, supports, stakeholders (names and roles, "
                + "no emails) and events in their API shapes, with `exportedAt`.")
            .ProducesErrors(GoalErrors.NotFound, GoalErrors.NotStakeholder);
        return api;
    }

    public static async Task<Results<Ok<DataResponse<DeletedGoalResponse>>, JsonHttpResult<ErrorResponse>>>
        DeleteAsync(string goalId, HttpRequest request, ClaimsPrincipal user, IGoalService goals,
            CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var result = await goals.DeleteAsync(user.UserId(), goalId, condition, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        // The new version: a restore conditioned on it (If-Match) proves nothing happened since the deletion.
        EntityTags.Set(request.HttpContext.Response, result.Value.Version);
        return TypedResults.Ok(new DataResponse<DeletedGoalResponse>(new(result.Value.Id, Deleted: true)));
    }

    public static async Task<Results<Ok<DataResponse<GoalResponse>>, JsonHttpResult<ErrorResponse>>>
        RestoreAsync(string goalId, HttpRequest request, ClaimsPrincipal user, IGoalService goals,
            CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var result = await goals.RestoreAsync(user.UserId(), goalId, condition, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.Version);
        return TypedResults.Ok(new DataResponse<GoalResponse>(GoalResponse.From(result.Value)));
    }

    public static async Task<Results<Ok<DataResponse<GoalExportResponse>>, JsonHttpResult<ErrorResponse>>>
        ExportAsync(string goalId, ClaimsPrincipal user, IGoalExportService exports, CancellationToken cancellationToken)
    {
        var result = await exports.ExportAsync(user.UserId(), goalId, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DataResponse<GoalExportResponse>(GoalExportResponse.From(result.Value)))
            : ApiErrors.From(result.Error);
    }
}
