using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using SkiaSharp;

namespace CoCreation.EndToEndTests;

/// <summary>Files built in the test itself: real images drawn with SkiaSharp, a JPEG carrying EXIF written byte by byte, models.</summary>
public static class TestFiles
{
    public static byte[] Png(int width = 8, int height = 4, uint argb = 0xFF2E7D32) => Draw(width, height, argb, SKEncodedImageFormat.Png);

    /// <summary>
    /// A JPEG whose pixels are <paramref name="width"/>×<paramref name="height"/>, with an EXIF block after its SOI marker:
    /// the orientation, an Artist text and GPS coordinates (the kind of metadata a phone puts in every photo).
    /// </summary>
    public static byte[] JpegWithExif(int width, int height, ushort orientation, string artist)
    {
        var jpeg = Draw(width, height, 0xFF1565C0, SKEncodedImageFormat.Jpeg);
        var exif = ExifSegment(orientation, artist);
        return [.. jpeg[..2], .. exif, .. jpeg[2..]];
    }

    /// <summary>An ASCII STL with one facet.</summary>
    public static byte[] Stl() => Encoding.ASCII.GetBytes("""
        solid brick
          facet normal 0 0 1
            outer loop
              vertex 0 0 0
              vertex 1 0 0
              vertex 0 1 0
            endloop
          endfacet
        endsolid brick
        """);

    public static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static byte[] Draw(int width, int height, uint argb, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(argb));
        // A red block in the top-left corner (big enough to survive JPEG), so a test can see which way the picture was turned.
        for (var x = 0; x < Math.Min(8, width / 2); x++)
            for (var y = 0; y < Math.Min(8, height / 2); y++)
                bitmap.SetPixel(x, y, SKColors.Red);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>APP1 "Exif": a little-endian TIFF header, IFD0 (Orientation, Artist, a pointer to the GPS IFD) and a GPS IFD (latitude N 48°51'24").</summary>
    private static byte[] ExifSegment(ushort orientation, string artist)
    {
        var artistBytes = Encoding.ASCII.GetBytes(artist + "\0");
        var tiff = new List<byte>();
        void U16(int v) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v); tiff.AddRange(b); }
        void U32(long v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v); tiff.AddRange(b); }
        void Entry(int tag, int type, long count, long value) { U16(tag); U16(type); U32(count); U32(value); }

        const int ifd0 = 8, ifd0Entries = 3;
        var ifd0Size = 2 + ifd0Entries * 12 + 4;
        var artistAt = ifd0 + ifd0Size;
        var gpsAt = artistAt + artistBytes.Length + (artistBytes.Length % 2);
        const int gpsEntries = 2;
        var latitudeAt = gpsAt + 2 + gpsEntries * 12 + 4;

        tiff.AddRange("II"u8.ToArray()); U16(42); U32(ifd0);
        U16(ifd0Entries);
        Entry(0x0112, 3, 1, orientation);                     // Orientation, SHORT
        Entry(0x013B, 2, artistBytes.Length, artistAt);       // Artist, ASCII
        Entry(0x8825, 4, 1, gpsAt);                           // GPS IFD pointer, LONG
        U32(0);
        tiff.AddRange(artistBytes);
        if (artistBytes.Length % 2 == 1) tiff.Add(0);
        U16(gpsEntries);
        Entry(0x0001, 2, 2, 'N');                             // GPSLatitudeRef "N"
        Entry(0x0002, 5, 3, latitudeAt);                      // GPSLatitude, 3 RATIONALs
        U32(0);
        U32(48); U32(1); U32(51); U32(1); U32(24); U32(1);

        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        return [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
    }
}
