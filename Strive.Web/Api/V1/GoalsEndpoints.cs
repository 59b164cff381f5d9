using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>/api/v1/goals (docs/api/API.md "Goals and stakeholders").</summary>
public static class GoalsEndpoints
{
    public static RouteGroupBuilder MapGoalsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/goals").WithTags("Goals");

        group.MapGet("", ListAsync).WithName("ListGoals").RequireScope(ApiKeyScopes.GoalsRead)
            .WithSummary("List goals")
            .WithDescription("The goals where the caller is a stakeholder, newest first.")
            .ProducesErrors(403);
        group.MapGet("/{goalId}", GetAsync).WithName("GetGoal").RequireScope(ApiKeyScopes.GoalsRead)
            .WithSummary("Get a goal")
            .WithDescription("One goal with its counters. Stakeholders, and anyone when the goal is public.")
            .ProducesErrors(GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapPost("", CreateAsync).WithName("CreateGoal").RequireScope(ApiKeyScopes.GoalsWrite)
            .DocumentsBody(GoalRequests.New, """{"title": "Run a half marathon", "publicity": "private", "deadline": "2026-10-01"}""")
            .WithSummary("Create a goal")
            .WithDescription("The caller becomes admin, achiever and spectator. `publicity` defaults to private.")
            .ProducesErrors(GoalErrors.TitleRequired, GoalErrors.TitleTooLong, GoalErrors.DescriptionTooLong);
        group.MapPatch("/{goalId}", UpdateAsync).WithName("UpdateGoal").RequireScope(ApiKeyScopes.GoalsWrite)
            .DocumentsBody(GoalRequests.Changes, """{"status": "succeeded"}""")
            .WithSummary("Update a goal")
            .WithDescription("Admins only. Only the fields given change.")
            .ProducesErrors(CommonErrors.NothingToUpdate, CommonErrors.StatusInvalid, GoalErrors.TitleTooLong,
                GoalErrors.UpdateForbidden, GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        return api;
    }

    public static async Task<Ok<DataResponse<IReadOnlyList<GoalResponse>>>> ListAsync(ClaimsPrincipal user,
        IGoalService goals, CancellationToken cancellationToken)
    {
        var list = await goals.ListAsync(user.UserId(), cancellationToken);
        return TypedResults.Ok(new DataResponse<IReadOnlyList<GoalResponse>>([.. list.Select(GoalResponse.From)]));
    }

    public static async Task<Results<Ok<DataResponse<GoalResponse>>, StatusCodeHttpResult, JsonHttpResult<ErrorResponse>>>
        GetAsync(string goalId, HttpRequest request, ClaimsPrincipal user, IGoalService goals,
            CancellationToken cancellationToken)
    {
        var result = await goals.GetAsync(user.UserId(), goalId, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error);
        }

        if (EntityTags.IsNotModified(request, result.Value.Version))
        {
            return EntityTags.NotModified(request.HttpContext.Response, result.Value.Version);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.Version);
        return TypedResults.Ok(new DataResponse<GoalResponse>(GoalResponse.From(result.Value)));
    }

    public static async Task<Results<Created<DataResponse<GoalResponse>>, JsonHttpResult<ErrorResponse>>> CreateAsync(
        HttpRequest request, ClaimsPrincipal user, IGoalService goals, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = GoalRequests.ParseNew(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        var result = await goals.CreateAsync(user.UserId(), input.Value, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.Version);
        return TypedResults.Created($"/api/v1/goals/{result.Value.Id}",
            new DataResponse<GoalResponse>(GoalResponse.From(result.Value)));
    }

    public static async Task<Results<Ok<DataResponse<GoalResponse>>, JsonHttpResult<ErrorResponse>>> UpdateAsync(
        string goalId, HttpRequest request, ClaimsPrincipal user, IGoalService goals,
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

        var changes = GoalRequests.ParseChanges(body);
        if (!changes.IsSuccess)
        {
            return ApiErrors.From(changes.Error);
        }

        var result = await goals.UpdateAsync(user.UserId(), goalId, changes.Value, condition, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error, request.HttpContext.Response);
        }

        EntityTags.Set(request.HttpContext.Response, result.Value.Version);
        return TypedResults.Ok(new DataResponse<GoalResponse>(GoalResponse.From(result.Value)));
    }
}
