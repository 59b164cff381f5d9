using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Domain.Users;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

public sealed record UserResponse(string Id, string Email, string DisplayName, DateTimeOffset CreatedAt);

/// <summary>/api/v1/users/me.</summary>
public static class UsersEndpoints
{
    public const string UserNotFound = "User not found";

    public static RouteGroupBuilder MapUsersEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/users/me", GetMeAsync).WithTags("Users").WithName("GetCurrentUser")
            .RequireScope(ApiKeyScopes.UserRead)
            .WithSummary("The caller")
            .WithDescription("The user who owns the API key.")
            .ProducesErrors(DomainError.NotFound(UserNotFound));
        return api;
    }

    public static async Task<Results<Ok<DataResponse<UserResponse>>, JsonHttpResult<ErrorResponse>>> GetMeAsync(
        ClaimsPrincipal user, IUserService users, CancellationToken cancellationToken)
    {
        var me = await users.GetAsync(user.UserId(), cancellationToken);
        return me is null
            ? ApiErrors.Status(StatusCodes.Status404NotFound, UserNotFound)
            : TypedResults.Ok(new DataResponse<UserResponse>(new(me.Id, me.Email, me.DisplayName, me.CreatedAt)));
    }
}
