using CoCreation.BuildingBlocks.Problems;
using SkiaSharp;

namespace CoCreation.Ideation.Attachments;

/// <summary>An image as the platform keeps it: its pixels encoded again, upright, with nothing else carried over.</summary>
public sealed record ReencodedImage(byte[] Bytes, int Width, int Height, byte[] Thumbnail);

/// <summary>
/// Images are decoded and encoded again in their own format, so what is stored holds pixels only: EXIF (a phone's
/// location included), XMP, comments and anything appended after the image are left behind. The EXIF orientation is
/// applied to the pixels first, so the picture stands as its author saw it. A thumbnail (WebP) goes with each.
/// </summary>
public static class ImageReencoding
{
    /// <summary>Beyond this many pixels an upload is refused before it is decoded (a small file can claim a huge canvas).</summary>
    public const long MaxPixels = 50_000_000;
    public const int MaxSide = 20_000;
    public const int ThumbnailSide = 480;

    public static ReencodedImage Reencode(byte[] bytes, FileType type)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw Unreadable(type);
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || info.Width > MaxSide || info.Height > MaxSide || (long)info.Width * info.Height > MaxPixels)
            throw new FileRefused(413, "image-too-large",
                $"The image is {info.Width}×{info.Height} pixels; at most {MaxPixels:N0} pixels and {MaxSide:N0} on a side are taken.");
        if (FormatOf(codec.EncodedFormat) != type)
            throw Unreadable(type);
        using var decoded = SKBitmap.Decode(codec, info.WithColorType(SKColorType.Rgba8888).WithAlphaType(info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul))
                            ?? throw Unreadable(type);
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var encoded = Encode(upright, type == FileTypes.Png ? SKEncodedImageFormat.Png : type == FileTypes.Jpeg ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Webp, 90);
        return new ReencodedImage(encoded, upright.Width, upright.Height, Thumbnail(upright));
    }

    private static byte[] Thumbnail(SKBitmap image)
    {
        var scale = Math.Min(1.0, (double)ThumbnailSide / Math.Max(image.Width, image.Height));
        var (width, height) = (Math.Max(1, (int)Math.Round(image.Width * scale)), Math.Max(1, (int)Math.Round(image.Height * scale)));
        using var small = image.Resize(new SKImageInfo(width, height, image.ColorType, image.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell))
                          ?? throw new InvalidOperationException("The thumbnail could not be drawn.");
        return Encode(small, SKEncodedImageFormat.Webp, 80);
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"The image could not be encoded as {format}.");
        return data.ToArray();
    }

    private static FileType? FormatOf(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Png => FileTypes.Png,
        SKEncodedImageFormat.Jpeg => FileTypes.Jpeg,
        SKEncodedImageFormat.Webp => FileTypes.Webp,
        _ => null
    };

    private static FileRefused Unreadable(FileType type) =>
        new(415, "file-unreadable", $"The file starts as {type.ContentType} but its image cannot be read; upload it again from the original.");

    /// <summary>The pixels turned as the EXIF orientation asks (TIFF 6 orientations 1 to 8).</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
        }
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }
}
