namespace Strive.Web.Api;

/// <summary>
/// The outermost layer under /api: an unexpected exception is logged and answered with the
/// documented JSON 500, never the developer page or the browser error page.
/// </summary>
public sealed class ApiExceptionMiddleware(RequestDelegate next, ILogger<ApiExceptionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is no one to answer.
        }
#pragma warning disable CA1031 // Every failure under /api must become the JSON 500.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Unhandled exception for {Method} {Path}", context.Request.Method, context.Request.Path);
            if (context.Response.HasStarted)
            {
                throw;
            }

            context.Response.Clear();
            await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError,
                new ErrorResponse(ApiErrors.InternalError));
        }
    }
}
