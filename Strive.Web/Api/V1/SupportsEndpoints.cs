using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>/api/v1/goals/:goalId/supports.</summary>
public static class SupportsEndpoints
{
    public static RouteGroupBuilder MapSupportsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/goals/{goalId}/supports", ListAsync).WithTags("Supports").WithName("ListSupports")
            .RequireScope(ApiKeyScopes.SupportsRead)
            .WithSummary("List supports")
            .WithDescription("The pledges made for the goal and its milestones. Stakeholders only.")
            .ProducesErrors(GoalErrors.NotFound, GoalErrors.NotStakeholder);
        api.MapPost("/goals/{goalId}/supports", CreateAsync).WithTags("Supports").WithName("CreateSupport")
            .RequireScope(ApiKeyScopes.SupportsWrite)
            .DocumentsBody(SupportRequests.New, """{"description": "A pair of running shoes", "milestoneId": "ms001"}""")
            .WithSummary("Pledge support")
            .WithDescription("Supporters only. A pledge for the whole goal, or for one pending milestone (`milestoneId`). "
                + "When the milestone (or the goal) finishes, `needsDecision` is set and the supporter decides.")
            .ProducesErrors(SupportErrors.DescriptionRequired, SupportErrors.DescriptionTooLong,
                SupportErrors.MilestoneNotPending, SupportErrors.PledgeForbidden, MilestoneErrors.NotFound,
                GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        api.MapPatch("/goals/{goalId}/supports/{supportId}", DecideAsync).WithTags("Supports").WithName("DecideSupport")
            .RequireScope(ApiKeyScopes.SupportsWrite)
            .DocumentsBody(SupportRequests.Decision, """{"status": "accepted", "note": "Thank you, they fit perfectly"}""")
            .WithSummary("Decide on a pledge")
            .WithDescription("Only the supporter who pledged, and only while `needsDecision` is set: `accepted` (the "
                + "pledge is given) or `rejected` (not given), with an optional `note`. A decision is final.")
            .ProducesErrors(SupportErrors.StatusInvalid, SupportErrors.NoDecisionNeeded, SupportErrors.NoteTooLong,
                SupportErrors.DecideForbidden, SupportErrors.NotFound, GoalErrors.NotFound, GoalErrors.ChangedConcurrently);
        return api;
    }

    public static async Task<Results<Ok<DataResponse<IReadOnlyList<SupportResponse>>>, JsonHttpResult<ErrorResponse>>>
        ListAsync(string goalId, ClaimsPrincipal user, ISupportService supports, CancellationToken cancellationToken)
    {
        var result = await supports.ListAsync(user.UserId(), goalId, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DataResponse<IReadOnlyList<SupportResponse>>([.. result.Value.Select(SupportResponse.From)]))
            : ApiErrors.From(result.Error);
    }

    public static async Task<Results<Created<DataResponse<SupportResponse>>, JsonHttpResult<ErrorResponse>>> CreateAsync(
        string goalId, HttpRequest request, ClaimsPrincipal user, ISupportService supports,
        CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = SupportRequests.ParseNew(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        var result = await supports.PledgeAsync(user.UserId(), goalId, input.Value.MilestoneId, input.Value.Description,
            cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/goals/{goalId}/supports/{result.Value.Id}",
                new DataResponse<SupportResponse>(SupportResponse.From(result.Value)))
            : ApiErrors.From(result.Error);
    }

    public static async Task<Results<Ok<DataResponse<SupportResponse>>, JsonHttpResult<ErrorResponse>>> DecideAsync(
        string goalId, string supportId, HttpRequest request, ClaimsPrincipal user, ISupportService supports,
        CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = SupportRequests.ParseDecision(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        var result = await supports.DecideAsync(user.UserId(), goalId, supportId, input.Value.Accept, input.Value.Note,
            cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DataResponse<SupportResponse>(SupportResponse.From(result.Value)))
            : ApiErrors.From(result.Error);
    }
}
