using System.IO.Compression;
using System.Text;

namespace CoCreation.Ideation.Attachments;

public enum AttachmentKind { Image, Document, Model }

public sealed record FileType(string ContentType, AttachmentKind Kind, string Extension);

/// <summary>
/// The file types ideas carry, recognised from their bytes (never from the name a member gave): PNG, JPEG and WebP
/// images, PDF documents, STL and 3MF models for builds.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Png = new("image/png", AttachmentKind.Image, "png");
    public static readonly FileType Jpeg = new("image/jpeg", AttachmentKind.Image, "jpg");
    public static readonly FileType Webp = new("image/webp", AttachmentKind.Image, "webp");
    public static readonly FileType Pdf = new("application/pdf", AttachmentKind.Document, "pdf");
    public static readonly FileType Stl = new("model/stl", AttachmentKind.Model, "stl");
    public static readonly FileType ThreeMf = new("model/3mf", AttachmentKind.Model, "3mf");

    public static readonly IReadOnlyList<FileType> All = [Png, Jpeg, Webp, Pdf, Stl, ThreeMf];

    public static FileType? ByContentType(string? contentType) => All.FirstOrDefault(t => t.ContentType == contentType);

    /// <summary>The type the bytes are, or null for anything else (a renamed program, HTML, a zip that is not a 3MF...).</summary>
    public static FileType? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return Webp;
        if (bytes.StartsWith("%PDF-"u8)) return Pdf;
        if (bytes.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04])) return IsThreeMf(bytes) ? ThreeMf : null;
        if (IsBinaryStl(bytes) || IsAsciiStl(bytes)) return Stl;
        return null;
    }

    /// <summary>A binary STL: an 80-byte header, a triangle count, and exactly 50 bytes per triangle.</summary>
    private static bool IsBinaryStl(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 84 + 50) return false;
        var triangles = BitConverter.ToUInt32(bytes[80..84]);
        return triangles > 0 && bytes.Length == 84 + 50L * triangles;
    }

    /// <summary>An ASCII STL: printable text that opens with <c>solid</c>, has facets and closes with <c>endsolid</c>.</summary>
    private static bool IsAsciiStl(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b is not (9 or 10 or 13) and (< 32 or > 126)) return false;
        var text = Encoding.ASCII.GetString(bytes).Trim();
        return text.StartsWith("solid", StringComparison.Ordinal) && text.Contains("facet normal", StringComparison.Ordinal)
               && text.Contains("endsolid", StringComparison.Ordinal);
    }

    /// <summary>A 3MF package: a zip with its content types and the 3D model part (3MF core specification, part 2).</summary>
    private static bool IsThreeMf(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray()), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName.TrimStart('/')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("3D/3dmodel.model");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
