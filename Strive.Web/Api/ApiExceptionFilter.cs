namespace Strive.Web.Api;

/// <summary>
/// Catches what an API handler throws before the browser app's exception page (which sits nearer the
/// endpoints than <see cref="ApiExceptionMiddleware"/>) can turn it into HTML.
/// </summary>
public sealed class ApiExceptionFilter(ILogger<ApiExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Every failure of a handler must become the JSON 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Unhandled exception in {Method} {Path}", context.HttpContext.Request.Method,
                context.HttpContext.Request.Path);
            return ApiErrors.Status(StatusCodes.Status500InternalServerError, ApiErrors.InternalError);
        }
    }
}
