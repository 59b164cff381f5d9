using SkiaSharp;
using Strive.Domain.Common;

namespace Strive.Domain.Posts;

/// <summary>
/// Turns an uploaded file into a post's photo. The type is judged by the file's first bytes (its name and
/// declared type are the sender's word, not the file's), then Skia decodes it and encodes it anew: what comes
/// out holds pixels only, so EXIF, GPS and any other metadata of the upload are gone. The EXIF orientation is
/// applied first, so a phone's portrait photo stays upright once its EXIF is dropped.
/// </summary>
public static class PostImages
{
    public const int MaxBytes = 10 * 1024 * 1024;
    public const int DisplayMaxPixels = 1600;
    public const int ThumbnailMaxPixels = 400;

    /// <summary>Past this many pixels a small file could still need gigabytes to decode: refused like a non-image.</summary>
    private const long MaxSourcePixels = 50_000_000;

    private const int JpegQuality = 85;

    /// <summary>The format the first bytes announce, or null when they announce none that posts take.</summary>
    public static SKEncodedImageFormat? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return SKEncodedImageFormat.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return SKEncodedImageFormat.Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return SKEncodedImageFormat.Gif;
        }

        return bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)
            ? SKEncodedImageFormat.Webp
            : null;
    }

    /// <summary>The display rendition and the thumbnail, or 413/400 for a file too large or not an image we take.</summary>
    public static Result<PostRenditions> Render(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length > MaxBytes)
        {
            return PostErrors.FileTooLarge;
        }

        var announced = Sniff(file);
        if (announced is null)
        {
            return PostErrors.FileType;
        }

        using var source = Decode(file, announced.Value);
        if (source is null)
        {
            return PostErrors.FileType;
        }

        // A GIF becomes a PNG (its first frame): Skia writes no GIF, and PNG keeps its sharp edges.
        var format = announced.Value == SKEncodedImageFormat.Gif ? SKEncodedImageFormat.Png : announced.Value;
        using var display = Fit(source, DisplayMaxPixels);
        using var thumbnail = Fit(display, ThumbnailMaxPixels);
        var displayBytes = Encode(display, format);
        var thumbnailBytes = Encode(thumbnail, format);
        return displayBytes is null || thumbnailBytes is null
            ? PostErrors.FileType
            : new PostRenditions(ContentTypeOf(format), display.Width, display.Height, displayBytes, thumbnailBytes);
    }

    private static SKBitmap? Decode(byte[] file, SKEncodedImageFormat announced)
    {
        using var data = SKData.CreateCopy(file);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.EncodedFormat != announced
            || (long)codec.Info.Width * codec.Info.Height is <= 0 or > MaxSourcePixels)
        {
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            bitmap.Dispose();
            return null;
        }

        return Orient(bitmap, codec.EncodedOrigin);
    }

    /// <summary>Draws the pixels the way the EXIF orientation says they are meant to be seen.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return bitmap;
        }

        var (w, h) = (bitmap.Width, bitmap.Height);
        var turns = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop
            or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var oriented = new SKBitmap(new SKImageInfo(turns ? h : w, turns ? w : h, bitmap.ColorType, bitmap.AlphaType));
        using (var canvas = new SKCanvas(oriented))
        using (var image = SKImage.FromBitmap(bitmap))
        {
            canvas.SetMatrix(MatrixOf(origin, w, h));
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        }

        bitmap.Dispose();
        return oriented;
    }

    private static SKMatrix MatrixOf(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };

    /// <summary>A copy no larger than <paramref name="maxPixels"/> on its longer side (smaller images keep their size).</summary>
    private static SKBitmap Fit(SKBitmap bitmap, int maxPixels)
    {
        var scale = Math.Min(1.0, (double)maxPixels / Math.Max(bitmap.Width, bitmap.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(bitmap.Width * scale)),
            Math.Max(1, (int)Math.Round(bitmap.Height * scale)), bitmap.ColorType, bitmap.AlphaType);
        return bitmap.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? bitmap.Copy();
    }

    private static byte[]? Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var encoded = image.Encode(format, JpegQuality);
        return encoded?.ToArray();
    }

    private static string ContentTypeOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "image/jpeg",
        SKEncodedImageFormat.Webp => "image/webp",
        _ => "image/png",
    };
}
