using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Strive.Domain.Posts;

namespace Strive.Web.Api.V1;

/// <summary>
/// Reads the one <c>file</c> part of a <c>multipart/form-data</c> upload ourselves, so that a body that is not
/// multipart, lacks the part, breaks off, or sends oversized headers gets a clear 400, and a file over 10 MB a
/// 413, instead of the framework's binding failure. Nothing but the file is kept in memory, and only up to
/// one byte past the limit.
/// </summary>
public static class MediaUpload
{
    public const string NotMultipart = "Request body must be multipart/form-data with one part named file";
    public const string FileRequired = "file is required: send it as the multipart part named file";

    /// <summary>The 10 MB of the file and room for the multipart framing around it.</summary>
    public const long MaxRequestBytes = PostImages.MaxBytes + (64 * 1024);

    private const int MaxParts = 8;

    public static async Task<(byte[]? File, JsonHttpResult<ErrorResponse>? Error)> ReadFileAsync(HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxRequestBytes)
        {
            return (null, ApiErrors.From(PostErrors.FileTooLarge));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return (null, Invalid(NotMultipart));
        }

        try
        {
            return await ReadPartsAsync(new MultipartReader(boundary, request.Body)
            {
                HeadersLengthLimit = 16 * 1024,
                HeadersCountLimit = 16,
            }, cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            // Broken off, a boundary that never comes, headers past their limits: the body is not one we take.
            return (null, Invalid(NotMultipart));
        }
    }

    private static async Task<(byte[]? File, JsonHttpResult<ErrorResponse>? Error)> ReadPartsAsync(
        MultipartReader reader, CancellationToken cancellationToken)
    {
        for (var part = 0; part < MaxParts; part++)
        {
            var section = await reader.ReadNextSectionAsync(cancellationToken);
            if (section is null)
            {
                break;
            }

            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "file", StringComparison.Ordinal))
            {
                continue; // Other parts are drained by the next read and ignored, like unknown JSON fields.
            }

            var file = await ReadLimitedAsync(section.Body, cancellationToken);
            return file is null ? (null, ApiErrors.From(PostErrors.FileTooLarge)) : (file, null);
        }

        return (null, Invalid(FileRequired));
    }

    /// <summary>The part's bytes, or null once it passes 10 MB.</summary>
    private static async Task<byte[]?> ReadLimitedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > PostImages.MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static JsonHttpResult<ErrorResponse> Invalid(string message) =>
        ApiErrors.Status(StatusCodes.Status400BadRequest, message);
}
