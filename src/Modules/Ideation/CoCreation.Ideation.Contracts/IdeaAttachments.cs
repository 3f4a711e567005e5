namespace CoCreation.Ideation.Contracts;

/// <summary>
/// A file of an idea's revision as the platform stores it: Sha256 of the stored bytes (images are re-encoded without
/// their metadata), OriginalSha256 of the bytes the member uploaded, the content type read from the bytes themselves.
/// </summary>
public sealed record IdeaAttachment(Guid Id, string Sha256, string ContentType, long Size, string OriginalSha256, string? ThumbnailSha256 = null);

/// <summary>Where a file and its thumbnail are read over HTTP: /api with a bearer token, or the pages' own paths with the sign-in cookie.</summary>
public static class AttachmentUrls
{
    public static string Content(Guid attachmentId, bool page = true) => $"{(page ? "" : "/api")}/attachments/{attachmentId}/content";

    public static string Thumbnail(Guid attachmentId, bool page = true) => $"{(page ? "" : "/api")}/attachments/{attachmentId}/thumbnail";
}
