using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Reminders;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>/api/v1/goals/:goalId/reminders: the caller's own reminders (docs/api/API.md "Reminders").</summary>
public static class RemindersEndpoints
{
    public static RouteGroupBuilder MapRemindersEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/goals/{goalId}/reminders").WithTags("Reminders");
        group.MapGet("", ListAsync).WithName("ListReminders")
            .RequireScope(ApiKeyScopes.RemindersRead)
            .WithSummary("List your reminders")
            .WithDescription("The caller's own reminders for the goal; nobody else's. Any stakeholder.")
            .ProducesErrors(GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapGet("/{reminderId}", GetAsync).WithName("GetReminder")
            .RequireScope(ApiKeyScopes.RemindersRead)
            .WithSummary("Get one of your reminders")
            .ProducesErrors(ReminderErrors.NotFound, GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapPost("", CreateAsync).WithName("CreateReminder")
            .RequireScope(ApiKeyScopes.RemindersWrite)
            .DocumentsBody(ReminderRequests.New,
                """{"description": "Log your week", "interval": "weekly", "at": "2026-03-08T19:00:00+01:00", "timeZone": "Europe/Amsterdam"}""")
            .WithSummary("Create a reminder")
            .WithDescription("Any stakeholder, at most 20 per person per goal. `interval` defaults to `weekly`, "
                + "`timeZone` to `UTC`; the time of day repeats in that zone across daylight-saving changes.")
            .ProducesErrors(ReminderErrors.DescriptionRequired, ReminderErrors.IntervalInvalid, ReminderErrors.AtInvalid,
                ReminderErrors.TimeZoneInvalid, ReminderErrors.TooMany, GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapPatch("/{reminderId}", UpdateAsync).WithName("UpdateReminder")
            .RequireScope(ApiKeyScopes.RemindersWrite)
            .DocumentsBody(ReminderRequests.Changes, """{"interval": "daily"}""")
            .WithSummary("Update a reminder")
            .WithDescription("Only the fields given change; the next occurrence is computed again.")
            .ProducesErrors(CommonErrors.NothingToUpdate, ReminderErrors.IntervalInvalid, ReminderErrors.AtInvalid,
                ReminderErrors.TimeZoneInvalid, ReminderErrors.NotFound, GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapDelete("/{reminderId}", DeleteAsync).WithName("DeleteReminder")
            .RequireScope(ApiKeyScopes.RemindersWrite)
            .WithSummary("Delete a reminder")
            .ProducesErrors(ReminderErrors.NotFound, GoalErrors.NotFound, GoalErrors.NotStakeholder);
        return api;
    }

    public static async Task<Results<Ok<DataResponse<IReadOnlyList<ReminderResponse>>>, JsonHttpResult<ErrorResponse>>>
        ListAsync(string goalId, ClaimsPrincipal user, IReminderService reminders, CancellationToken cancellationToken)
    {
        var result = await reminders.ListAsync(user.UserId(), goalId, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DataResponse<IReadOnlyList<ReminderResponse>>([.. result.Value.Select(ReminderResponse.From)]))
            : ApiErrors.From(result.Error);
    }

    public static async Task<Results<Ok<DataResponse<ReminderResponse>>, JsonHttpResult<ErrorResponse>>> GetAsync(
        string goalId, string reminderId, ClaimsPrincipal user, IReminderService reminders,
        CancellationToken cancellationToken) =>
        Answer(await reminders.GetAsync(user.UserId(), goalId, reminderId, cancellationToken));

    public static async Task<Results<Created<DataResponse<ReminderResponse>>, JsonHttpResult<ErrorResponse>>> CreateAsync(
        string goalId, HttpRequest request, ClaimsPrincipal user, IReminderService reminders,
        CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = ReminderRequests.ParseNew(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        var result = await reminders.CreateAsync(user.UserId(), goalId, input.Value, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/goals/{goalId}/reminders/{result.Value.Id}",
                new DataResponse<ReminderResponse>(ReminderResponse.From(result.Value)))
            : ApiErrors.From(result.Error);
    }

    public static async Task<Results<Ok<DataResponse<ReminderResponse>>, JsonHttpResult<ErrorResponse>>> UpdateAsync(
        string goalId, string reminderId, HttpRequest request, ClaimsPrincipal user, IReminderService reminders,
        CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = ReminderRequests.ParseChanges(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        return Answer(await reminders.UpdateAsync(user.UserId(), goalId, reminderId, input.Value, cancellationToken));
    }

    public static async Task<Results<Ok<DataResponse<DeletedReminderResponse>>, JsonHttpResult<ErrorResponse>>>
        DeleteAsync(string goalId, string reminderId, ClaimsPrincipal user, IReminderService reminders,
            CancellationToken cancellationToken)
    {
        var result = await reminders.DeleteAsync(user.UserId(), goalId, reminderId, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DataResponse<DeletedReminderResponse>(new(result.Value, Deleted: true)))
            : ApiErrors.From(result.Error);
    }

    private static Results<Ok<DataResponse<ReminderResponse>>, JsonHttpResult<ErrorResponse>> Answer(
        Result<ReminderView> result) =>
        result.IsSuccess
            ? TypedResults.Ok(new DataResponse<ReminderResponse>(ReminderResponse.From(result.Value)))
            : ApiErrors.From(result.Error);
}
