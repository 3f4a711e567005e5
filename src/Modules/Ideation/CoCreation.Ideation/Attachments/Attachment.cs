using CoCreation.Ideation.Contracts;

namespace CoCreation.Ideation.Attachments;

/// <summary>An uploaded file: its write model, and the document its reads and its access check use.</summary>
public sealed record Attachment(
    Guid Id, Guid CampaignId, string UploadedBy, string FileName, string ContentType, long Size, string Sha256, string OriginalSha256,
    int? Width, int? Height, string? ThumbnailSha256, DateTimeOffset UploadedAt, Guid? IdeaId = null, DateTimeOffset? ErasedAt = null)
{
    public bool Erased => ErasedAt is not null;

    public AttachmentKind Kind => FileTypes.ByContentType(ContentType)?.Kind ?? AttachmentKind.Document;

    public IdeaAttachment AsContent() => new(Id, Sha256, ContentType, Size, OriginalSha256, ThumbnailSha256);

    public static Attachment Create(AttachmentUploaded e) => new(e.AttachmentId, e.CampaignId, e.UploadedBy, e.FileName, e.ContentType, e.Size,
        e.Sha256, e.OriginalSha256, e.Width, e.Height, e.ThumbnailSha256, e.UploadedAt);

    public Attachment Apply(AttachmentAttached e) => this with { IdeaId = e.IdeaId };

    public Attachment Apply(AttachmentFileErased e) => this with { ErasedAt = e.ErasedAt };
}
