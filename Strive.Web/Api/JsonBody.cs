using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Strive.Web.Api;

/// <summary>
/// Reads a request body as a JSON object ourselves, so that malformed JSON, a non-object body and an
/// oversize body each get the documented JSON error instead of the framework's binding failure.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;
    public const string NotAnObject = "Request body must be a JSON object";
    public const string InvalidJson = "Request body must be valid JSON";

    public static async Task<(JsonElement Body, JsonHttpResult<ErrorResponse>? Error)> ReadObjectAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (default, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (default, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (default, Invalid(NotAnObject));
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, Invalid(NotAnObject));
        }
        catch (JsonException)
        {
            return (default, Invalid(InvalidJson));
        }
    }

    private static JsonHttpResult<ErrorResponse> TooLarge() =>
        ApiErrors.Status(StatusCodes.Status413PayloadTooLarge, ApiErrors.BodyTooLarge);

    private static JsonHttpResult<ErrorResponse> Invalid(string message) =>
        ApiErrors.Status(StatusCodes.Status400BadRequest, message);
}
