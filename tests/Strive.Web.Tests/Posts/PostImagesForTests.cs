using System.Buffers.Binary;
using SkiaSharp;

namespace Strive.Web.Tests.Posts;

/// <summary>Real image files, made in the test: a JPEG with an EXIF GPS position written into it, a PNG, and so on.</summary>
public static class PostImagesForTests
{
    public static byte[] Png(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A JPEG whose APP1 segment holds EXIF with a GPS IFD (latitude 52° N), as a phone writes it.</summary>
    public static byte[] JpegWithGps(int width = 2400, int height = 1200)
    {
        var jpeg = Jpeg(width, height);
        var exif = ExifWithGps();
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(exif.Length + 2));
        exif.CopyTo(segment, 4);
        // Right after the SOI marker, where cameras put it.
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static bool HasExif(byte[] file) =>
        file.AsSpan().IndexOf("Exif\0\0"u8) >= 0 || file.AsSpan().IndexOf("GPS position"u8) >= 0;

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawRect(0, 0, width / 2f, height / 2f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>"Exif\0\0", a little-endian TIFF header, IFD0 pointing at a GPS IFD with GPSLatitudeRef and GPSLatitude.</summary>
    private static byte[] ExifWithGps()
    {
        var tiff = new List<byte>();
        void U16(int v) => tiff.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(long v) => tiff.AddRange(BitConverter.GetBytes((uint)v));

        tiff.AddRange("II"u8.ToArray());
        U16(42);
        U32(8); // IFD0 at 8
        U16(1); // one entry: GPSInfo
        U16(0x8825); U16(4); U32(1); U32(26); // LONG, offset of the GPS IFD
        U32(0); // no next IFD; the GPS IFD starts at 26
        U16(2);
        U16(0x0001); U16(2); U32(2); tiff.AddRange("N\0\0\0"u8.ToArray()); // GPSLatitudeRef "N"
        U16(0x0002); U16(5); U32(3); U32(26 + 2 + 24 + 4); // GPSLatitude, 3 RATIONALs after the IFD
        U32(0);
        foreach (var (n, d) in new[] { (52L, 1L), (31L, 1L), (1234L, 100L) })
        {
            U32(n);
            U32(d);
        }

        tiff.AddRange("GPS position of the finish line"u8.ToArray());
        return [.. "Exif\0\0"u8.ToArray(), .. tiff];
    }
}
