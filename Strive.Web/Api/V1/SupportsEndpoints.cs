using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Goals;
using Strive.Domain.Supports;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>A support as docs/api/API.md "Supports" lists its fields.</summary>
public sealed record SupportResponse(
    string Id,
    string GoalId,
    string? MilestoneId,
    string Description,
    SupportStatus Status,
    DateTimeOffset? NeedsDecision,
    string SupporterId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static SupportResponse From(SupportView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.Id, view.GoalId, view.MilestoneId, view.Description, view.Status, view.NeedsDecision,
            view.SupporterId, view.CreatedAt, view.UpdatedAt);
    }
}

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
}
