using Microsoft.AspNetCore.Diagnostics;
using Strive.Web.Api;

namespace Strive.Web.Errors;

/// <summary>
/// The answer to an exception nothing else caught. Under /api it is the documented JSON 500
/// (docs/api/API.md "Basics": no HTML error page ever comes back from /api/v1); for any other request
/// it declines, and the exception handler middleware re-executes the request on the error page.
/// </summary>
public sealed class StriveExceptionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        // The middleware has already pointed the request at the error page; the feature keeps the path it had.
        var path = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? httpContext.Request.Path;
        if (!ApiExtensions.IsApiPath(path))
        {
            return false;
        }

        await ApiErrors.WriteAsync(httpContext, StatusCodes.Status500InternalServerError,
            new ErrorResponse(ApiErrors.InternalError));
        return true;
    }
}
