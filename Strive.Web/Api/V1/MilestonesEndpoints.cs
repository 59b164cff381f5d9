using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>/api/v1/goals/:goalId/milestones (docs/api/milestones.md).</summary>
public static class MilestonesEndpoints
{
    public static RouteGroupBuilder MapMilestonesEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/goals/{goalId}/milestones").WithTags("Milestones");

        group.MapGet("", ListAsync).WithName("ListMilestones").RequireScope(ApiKeyScopes.MilestonesRead)
            .WithSummary("List milestones")
            .WithDescription("All live milestones of the goal, ordered by position. Stakeholders, and anyone when the goal is public.")
            .ProducesErrors(GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapGet("/{milestoneId}", GetAsync).WithName("GetMilestone").RequireScope(ApiKeyScopes.MilestonesRead)
            .WithSummary("Get a milestone")
            .WithDescription("One milestone by id. Stakeholders, and anyone when the goal is public; a deleted milestone is not found.")
            .ProducesErrors(MilestoneErrors.NotFound, GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapPost("", CreateAsync).WithName("CreateMilestone").RequireScope(ApiKeyScopes.MilestonesWrite)
            .DocumentsBody(MilestoneRequests.New, """{"content": "Complete first 5K run", "deadline": "2026-03-31T00:00:00.000Z"}""")
            .WithSummary("Create a milestone")
            .WithDescription("Admins and achievers. Inserts at `order` (default 0: first) and shifts the rest down. "
                + "The deadline is stored as the end of its day in UTC.")
            .ProducesErrors(MilestoneErrors.ContentRequired, MilestoneErrors.ContentTooLong,
                MilestoneErrors.OrderNegative, MilestoneErrors.TooManySubtasks, MilestoneErrors.CreateForbidden,
                GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        group.MapPatch("/{milestoneId}", UpdateAsync).WithName("UpdateMilestone")
            .RequireScope(ApiKeyScopes.MilestonesWrite)
            .DocumentsBody(MilestoneRequests.Changes, """{"status": "succeeded"}""")
            .WithSummary("Update a milestone")
            .WithDescription("Admins and achievers. Only the fields given change; `deadline: null` clears the "
                + "deadline; `order` moves the milestone and shifts the others.")
            .ProducesErrors(CommonErrors.NothingToUpdate, CommonErrors.StatusInvalid, MilestoneErrors.ContentTooLong,
                MilestoneErrors.OrderNegative, MilestoneErrors.UpdateForbidden, MilestoneErrors.NotFound,
                GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        group.MapPut("/order", ReorderAsync).WithName("ReorderMilestones").RequireScope(ApiKeyScopes.MilestonesWrite)
            .DocumentsBody(MilestoneRequests.Reorder, """{"ids": ["ms002", "ms001", "ms003"]}""")
            .WithSummary("Reorder all milestones")
            .WithDescription("Admins and achievers. `ids` lists every live milestone of the goal exactly once, "
                + "in the new order. Answers the reordered list.")
            .ProducesErrors(MilestoneErrors.ReorderIdsMismatch, MilestoneErrors.UpdateForbidden, GoalErrors.NotFound,
                GoalErrors.ChangedConcurrently);
        group.MapDelete("/{milestoneId}", DeleteAsync).WithName("DeleteMilestone")
            .RequireScope(ApiKeyScopes.MilestonesWrite)
            .WithSummary("Delete a milestone")
            .WithDescription("Admins only. Soft delete: the milestone disappears from every endpoint.")
            .ProducesErrors(MilestoneErrors.DeleteForbidden, MilestoneErrors.NotFound, GoalErrors.NotFound,
                GoalErrors.ChangedConcurrently);
        group.MapPost("/{milestoneId}/restore", RestoreAsync).WithName("RestoreMilestone")
            .RequireScope(ApiKeyScopes.MilestonesWrite)
            .WithSummary("Restore a deleted milestone")
            .WithDescription("Admins only. Within 30 days of its deletion the milestone comes back at the position "
                + "it had (or last, if the goal is shorter now), with its status, subtasks and supports. A live, "
                + "unknown or longer-deleted id is not found.")
            .ProducesErrors(MilestoneErrors.RestoreForbidden, MilestoneErrors.NotDeleted, MilestoneErrors.RestoreExpired,
                GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        return api;
    }

    /// <summary>
    /// The access check on every request; the milestones are read and serialized only when the goal's version
    /// moved since this instance last answered for it (<see cref="MilestoneListCache"/>).
    /// </summary>
    public static async Task<Results<Ok<DataResponse<IReadOnlyList<MilestoneResponse>>>, Utf8JsonResult,
            StatusCodeHttpResult, JsonHttpResult<ErrorResponse>>>
        ListAsync(string goalId, HttpRequest request, ClaimsPrincipal user, IMilestoneService milestones,
            MilestoneListCache cache, CancellationToken cancellationToken)
    {
        var result = await milestones.ListAsync(user.UserId(), goalId, cache.KnownVersion(goalId), cancellationToken);
        var kept = result.IsSuccess && result.Value.List is null ? cache.Body(goalId, result.Value.GoalVersion) : null;
        if (result.IsSuccess && result.Value.List is null && kept is null)
        {
            // Evicted or replaced between the two looks: read it, as if nothing had been kept.
            result = await milestones.ListAsync(user.UserId(), goalId, null, cancellationToken);
        }

        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error);
        }

        var version = result.Value.GoalVersion;
        if (EntityTags.IsNotModified(request, version))
        {
            return EntityTags.NotModified(request.HttpContext.Response, version);
        }

        var body = kept ?? cache.Store(goalId, result.Value.List!);
        EntityTags.Set(request.HttpContext.Response, version);
        return new Utf8JsonResult(body);
    }

    public static async Task<Results<Ok<DataResponse<MilestoneResponse>>, StatusCodeHttpResult,
            JsonHttpResult<ErrorResponse>>>
        GetAsync(string goalId, string milestoneId, HttpRequest request, ClaimsPrincipal user,
            IMilestoneService milestones, CancellationToken cancellationToken)
    {
        var result = await milestones.GetAsync(user.UserId(), goalId, milestoneId, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error);
        }

        if (EntityTags.IsNotModified(request, result.Value.GoalVersion))
        {
            return EntityTags.NotModified(request.HttpContext.Response, result.Value.GoalVersion);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.GoalVersion);
        return TypedResults.Ok(new DataResponse<MilestoneResponse>(MilestoneResponse.From(result.Value)));
    }

    /// <summary>If-Match here is the list's ETag: insert only into the list the caller last saw.</summary>
    public static async Task<Results<Created<DataResponse<MilestoneResponse>>, JsonHttpResult<ErrorResponse>>>
        CreateAsync(string goalId, HttpRequest request, ClaimsPrincipal user, IMilestoneService milestones,
            CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = MilestoneRequests.ParseNew(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        var result = await milestones.CreateAsync(user.UserId(), goalId, input.Value, condition, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.GoalVersion);
        return TypedResults.Created($"/api/v1/goals/{goalId}/milestones/{result.Value.Id}",
            new DataResponse<MilestoneResponse>(MilestoneResponse.From(result.Value)));
    }

    public static async Task<Results<Ok<DataResponse<MilestoneResponse>>, JsonHttpResult<ErrorResponse>>> UpdateAsync(
        string goalId, string milestoneId, HttpRequest request, ClaimsPrincipal user, IMilestoneService milestones,
        CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var changes = MilestoneRequests.ParseChanges(body);
        if (!changes.IsSuccess)
        {
            return ApiErrors.From(changes.Error);
        }

        var result = await milestones.UpdateAsync(user.UserId(), goalId, milestoneId, changes.Value, condition,
            cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.GoalVersion);
        return TypedResults.Ok(new DataResponse<MilestoneResponse>(MilestoneResponse.From(result.Value)));
    }

    public static async Task<Results<Ok<DataResponse<IReadOnlyList<MilestoneResponse>>>, JsonHttpResult<ErrorResponse>>>
        ReorderAsync(string goalId, HttpRequest request, ClaimsPrincipal user, IMilestoneService milestones,
            CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var ids = MilestoneRequests.ParseOrder(body);
        if (!ids.IsSuccess)
        {
            return ApiErrors.From(ids.Error);
        }

        var result = await milestones.ReorderAsync(user.UserId(), goalId, ids.Value, condition, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.GoalVersion);
        return TypedResults.Ok(new DataResponse<IReadOnlyList<MilestoneResponse>>(MilestoneResponse.From(result.Value)));
    }

    /// <summary>Answers the list's new ETag: the milestone itself is gone.</summary>
    public static async Task<Results<Ok<DataResponse<DeletedMilestoneResponse>>, JsonHttpResult<ErrorResponse>>>
        DeleteAsync(string goalId, string milestoneId, HttpRequest request, ClaimsPrincipal user,
            IMilestoneService milestones, CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var result = await milestones.DeleteAsync(user.UserId(), goalId, milestoneId, condition, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.GoalVersion);
        return TypedResults.Ok(new DataResponse<DeletedMilestoneResponse>(new(result.Value.Id, Deleted: true)));
    }

    /// <summary>docs/api/API.md "Restoring a deleted milestone": answers the milestone as it is back, and the new ETag.</summary>
    public static async Task<Results<Ok<DataResponse<MilestoneResponse>>, JsonHttpResult<ErrorResponse>>>
        RestoreAsync(string goalId, string milestoneId, HttpRequest request, ClaimsPrincipal user,
            IMilestoneService milestones, CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var result = await milestones.RestoreAsync(user.UserId(), goalId, milestoneId, condition, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.GoalVersion);
        return TypedResults.Ok(new DataResponse<MilestoneResponse>(MilestoneResponse.From(result.Value)));
    }
}
