using CoCreation.BuildingBlocks.Metadata;

namespace CoCreation.Ideation.Attachments;

/// <summary>
/// A member uploaded a file for an idea of the campaign. Sha256 names the stored bytes (for an image, its re-encoding),
/// OriginalSha256 the bytes as uploaded; FileName is the member's own name for it (masked on erasure).
/// </summary>
public sealed record AttachmentUploaded(
    Guid AttachmentId, Guid CampaignId, string UploadedBy, string FileName, string ContentType, long Size, string Sha256,
    string OriginalSha256, long OriginalSize, int? Width, int? Height, string? ThumbnailSha256, DateTimeOffset UploadedAt) : ICampaignScoped;

/// <summary>The file became part of an idea's content (its first revision to list it); it belongs to that idea from then on.</summary>
public sealed record AttachmentAttached(Guid AttachmentId, Guid CampaignId, Guid IdeaId, int Revision, DateTimeOffset AttachedAt) : ICampaignScoped;

/// <summary>
/// The uploader was erased: the file's bytes are gone from the blob store (BytesRemoved false when another member's
/// upload holds the very same bytes), its hash stays on record so the idea's content hash still verifies.
/// </summary>
public sealed record AttachmentFileErased(Guid AttachmentId, Guid CampaignId, string Sha256, bool BytesRemoved, DateTimeOffset ErasedAt) : ICampaignScoped;
