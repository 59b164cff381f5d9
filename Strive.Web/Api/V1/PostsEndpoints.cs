using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Posts;
using Strive.Web.Api.Auth;

namespace Strive.Web.Api.V1;

/// <summary>/api/v1/goals/:goalId/posts (docs/api/API.md "Posts: the goal's story"). A post's ETag is its own version.</summary>
public static class PostsEndpoints
{
    public static RouteGroupBuilder MapPostsEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/goals/{goalId}/posts").WithTags("Posts");

        group.MapGet("", ListAsync).WithName("ListPosts").RequireScope(ApiKeyScopes.PostsRead)
            .WithSummary("List posts")
            .WithDescription("The goal's story, newest `date` first (ties: newest created). `limit` 1-100 (default 50); "
                + "`before=<postId>` gives the page after that post; `hasMore` says whether older posts follow. "
                + "Stakeholders, and anyone when the goal is public.")
            .ProducesErrors(PostErrors.LimitInvalid, GoalErrors.NotFound, GoalErrors.NotStakeholder, PostErrors.NotFound);
        group.MapGet("/{postId}", GetAsync).WithName("GetPost").RequireScope(ApiKeyScopes.PostsRead)
            .WithSummary("Get a post")
            .WithDescription("One post by id. Stakeholders, and anyone when the goal is public.")
            .ProducesErrors(PostErrors.NotFound, GoalErrors.NotFound, GoalErrors.NotStakeholder);
        group.MapPost("", CreateAsync).WithName("CreatePost").RequireScope(ApiKeyScopes.PostsWrite)
            .DocumentsBody(PostRequests.New,
                """{"description": "Ran 12 km", "source": "fittrack", "externalId": "run-2026-03-14"}""")
            .WithSummary("Create a post")
            .WithDescription("Admins and achievers. 201 with the post; when `source` and `externalId` name an activity "
                + "the goal already has a post of, 200 with that post and nothing created.")
            .ProducesErrors(PostErrors.DescriptionRequired, PostErrors.DateInFuture, PostErrors.UrlInvalid,
                PostErrors.SourcePair, PostErrors.CreateForbidden, GoalErrors.NotFound, MilestoneErrors.NotFound);
        group.MapPatch("/{postId}", UpdateAsync).WithName("UpdatePost").RequireScope(ApiKeyScopes.PostsWrite)
            .DocumentsBody(PostRequests.Changes, """{"description": "Ran 13 km, in fact", "milestoneId": null}""")
            .WithSummary("Update a post")
            .WithDescription("The author or an admin. Only the fields given change; `milestoneId: null` unlinks.")
            .ProducesErrors(CommonErrors.NothingToUpdate, PostErrors.DateInFuture, PostErrors.UrlInvalid,
                PostErrors.UpdateForbidden, PostErrors.NotFound, GoalErrors.NotFound, MilestoneErrors.NotFound);
        group.MapDelete("/{postId}", DeleteAsync).WithName("DeletePost").RequireScope(ApiKeyScopes.PostsWrite)
            .WithSummary("Delete a post")
            .WithDescription("The author or an admin. The post and its photos are gone for good.")
            .ProducesErrors(PostErrors.DeleteForbidden, PostErrors.NotFound, GoalErrors.NotFound);
        group.MapPost("/{postId}/media", AddMediaAsync).WithName("AddPostMedia").RequireScope(ApiKeyScopes.PostsWrite)
            .WithMetadata(new UploadBodyLimit(MediaUpload.MaxRequestBytes))
            .WithSummary("Add a photo to a post")
            .WithDescription("The author or an admin. `multipart/form-data` with one part named `file`: a JPEG, PNG, WebP "
                + "or GIF (judged by its bytes) of at most 10 MB, at most 4 per post. Re-encoded without EXIF; answers "
                + "201 with the post.")
            .ProducesErrors(PostErrors.FileType, PostErrors.FileTooLarge, PostErrors.TooManyImages,
                PostErrors.UpdateForbidden, PostErrors.NotFound, GoalErrors.NotFound);
        return api;
    }

    public static async Task<Results<Ok<PostPageResponse>, JsonHttpResult<ErrorResponse>>> ListAsync(string goalId,
        HttpRequest request, ClaimsPrincipal user, IPostService posts, CancellationToken cancellationToken)
    {
        var limit = PostRequests.ParseLimit(request.Query.TryGetValue("limit", out var given) ? given.ToString() : null);
        if (!limit.IsSuccess)
        {
            return ApiErrors.From(limit.Error);
        }

        var before = request.Query["before"].ToString() is { Length: > 0 } id ? id : null;
        var page = await posts.ListAsync(user.UserId(), goalId, limit.Value, before, cancellationToken);
        return page.IsSuccess
            ? TypedResults.Ok(new PostPageResponse([.. page.Value.Items.Select(PostResponse.From)], page.Value.HasMore))
            : ApiErrors.From(page.Error);
    }

    public static async Task<Results<Ok<DataResponse<PostResponse>>, StatusCodeHttpResult, JsonHttpResult<ErrorResponse>>>
        GetAsync(string goalId, string postId, HttpRequest request, ClaimsPrincipal user, IPostService posts,
            CancellationToken cancellationToken)
    {
        var result = await posts.GetAsync(user.UserId(), goalId, postId, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error);
        }

        if (EntityTags.IsNotModified(request, result.Value.Version))
        {
            return EntityTags.NotModified(request.HttpContext.Response, result.Value.Version);
        }

        return Answer(request, result.Value);
    }

    public static async Task<Results<Created<DataResponse<PostResponse>>, Ok<DataResponse<PostResponse>>,
            JsonHttpResult<ErrorResponse>>>
        CreateAsync(string goalId, HttpRequest request, ClaimsPrincipal user, IPostService posts,
            CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonBody.ReadObjectAsync(request, cancellationToken);
        if (bodyError is not null)
        {
            return bodyError;
        }

        var input = PostRequests.ParseNew(body);
        if (!input.IsSuccess)
        {
            return ApiErrors.From(input.Error);
        }

        var result = await posts.CreateAsync(user.UserId(), goalId, input.Value, cancellationToken);
        if (!result.IsSuccess)
        {
            return ApiErrors.From(result.Error);
        }

        var post = result.Value.Post;
        return result.Value.Created ? Created(request, post) : Answer(request, post);
    }

    public static async Task<Results<Ok<DataResponse<PostResponse>>, JsonHttpResult<ErrorResponse>>> UpdateAsync(
        string goalId, string postId, HttpRequest request, ClaimsPrincipal user, IPostService posts,
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

        var changes = PostRequests.ParseChanges(body);
        if (!changes.IsSuccess)
        {
            return ApiErrors.From(changes.Error);
        }

        var result = await posts.UpdateAsync(user.UserId(), goalId, postId, changes.Value, condition, cancellationToken);
        return result.IsSuccess ? Answer(request, result.Value) : ApiErrors.From(result.Error, request.HttpContext.Response);
    }

    public static async Task<Results<Ok<DataResponse<DeletedPostResponse>>, JsonHttpResult<ErrorResponse>>> DeleteAsync(
        string goalId, string postId, HttpRequest request, ClaimsPrincipal user, IPostService posts,
        CancellationToken cancellationToken)
    {
        var (condition, conditionError) = EntityTags.ReadIfMatch(request);
        if (conditionError is not null)
        {
            return conditionError;
        }

        var result = await posts.DeleteAsync(user.UserId(), goalId, postId, condition, cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DataResponse<DeletedPostResponse>(new(result.Value.Id, Deleted: true)))
            : ApiErrors.From(result.Error, request.HttpContext.Response);
    }

    public static async Task<Results<Created<DataResponse<PostResponse>>, JsonHttpResult<ErrorResponse>>> AddMediaAsync(
        string goalId, string postId, HttpRequest request, ClaimsPrincipal user, IPostService posts,
        CancellationToken cancellationToken)
    {
        var (file, uploadError) = await MediaUpload.ReadFileAsync(request, cancellationToken);
        if (uploadError is not null)
        {
            return uploadError;
        }

        var result = await posts.AddMediaAsync(user.UserId(), goalId, postId, file!, cancellationToken);
        return result.IsSuccess ? Created(request, result.Value) : ApiErrors.From(result.Error);
    }

    private static Ok<DataResponse<PostResponse>> Answer(HttpRequest request, PostView post)
    {
        EntityTags.Set(request.HttpContext.Response, post.Version);
        return TypedResults.Ok(new DataResponse<PostResponse>(PostResponse.From(post)));
    }

    private static Created<DataResponse<PostResponse>> Created(HttpRequest request, PostView post)
    {
        EntityTags.Set(request.HttpContext.Response, post.Version);
        return TypedResults.Created($"/api/v1/goals/{post.GoalId}/posts/{post.Id}",
            new DataResponse<PostResponse>(PostResponse.From(post)));
    }
}

/// <summary>An endpoint whose body may be larger than the JSON limit (an upload); the idempotency fingerprint reads this far.</summary>
public sealed record UploadBodyLimit(long MaxBytes);
