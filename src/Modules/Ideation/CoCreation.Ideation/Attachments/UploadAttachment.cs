using CoCreation.BuildingBlocks.Blobs;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Contracts;
using Marten;

namespace CoCreation.Ideation.Attachments;

public sealed record UploadAttachment(Guid AttachmentId, Guid CampaignId, string FileName, byte[] Bytes, string By);

/// <summary>A file sent with an idea form, not yet stored.</summary>
public sealed record NewFile(string FileName, byte[] Bytes);

public sealed record AttachmentResponse(
    Guid Id, string FileName, string ContentType, AttachmentKind Kind, long Size, string Sha256, string OriginalSha256,
    int? Width, int? Height, string Content, string? Thumbnail, bool Erased)
{
    public static AttachmentResponse Of(Attachment a, bool page = false) => new(a.Id, a.FileName, a.ContentType, a.Kind, a.Size, a.Sha256,
        a.OriginalSha256, a.Width, a.Height, AttachmentUrls.Content(a.Id, page), a.ThumbnailSha256 is null ? null : AttachmentUrls.Thumbnail(a.Id, page), a.Erased);
}

/// <summary>What an upload keeps: the bytes to store (re-encoded for an image), their type, and the thumbnail.</summary>
public sealed record PreparedFile(FileType Type, string FileName, byte[] Stored, int? Width, int? Height, byte[]? Thumbnail, string OriginalSha256, long OriginalSize);

public static class UploadAttachmentHandler
{
    public const int MaxFileNameLength = 200;

    /// <summary>The name a member gave, without any folder, trimmed, of bounded length; the type's extension when none is left.</summary>
    public static string CleanName(string? name, FileType type)
    {
        var cleaned = new string(Path.GetFileName((name ?? "").Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = $"file.{type.Extension}";
        return cleaned.Length <= MaxFileNameLength ? cleaned : cleaned[..MaxFileNameLength];
    }

    /// <summary>Pure: the campaign takes files while it is open, up to its size per file, of the types read from the bytes.</summary>
    public static PreparedFile Prepare(Campaign campaign, string? fileName, byte[] bytes)
    {
        if (campaign.Status != CampaignStatus.Open)
            throw new RuleViolated("campaign-not-open", $"Campaign {campaign.Id} is {campaign.Status}; files are uploaded only while it is Open.");
        var rules = campaign.Rules.AttachmentsInForce();
        if (rules.MaxFiles == 0)
            throw new RuleViolated("attachments-not-taken", $"Campaign {campaign.Id} takes no files with its ideas.");
        if (bytes.Length == 0)
            throw new FileRefused(415, "file-empty", "The file is empty.");
        if (bytes.LongLength > rules.MaxFileBytes())
            throw new FileRefused(413, "file-too-large", $"The file is {bytes.LongLength:N0} bytes; campaign {campaign.Id} takes files up to {rules.MaxFileMegabytes} MiB.");
        var type = FileTypes.Sniff(bytes) ?? throw new FileRefused(415, "file-type-not-allowed",
            "The file's bytes are not an accepted type: PNG, JPEG or WebP images, PDF documents, STL or 3MF models. The name's extension is not what counts.");
        var original = BlobKeys.Sha256Of(bytes);
        var name = CleanName(fileName, type);
        if (type.Kind != AttachmentKind.Image) return new PreparedFile(type, name, bytes, null, null, null, original, bytes.LongLength);
        var image = ImageReencoding.Reencode(bytes, type);
        return new PreparedFile(type, name, image.Bytes, image.Width, image.Height, image.Thumbnail, original, bytes.LongLength);
    }

    public static async Task<AttachmentResponse> Handle(UploadAttachment command, IDocumentSession session, IBlobStore blobs, TimeProvider clock, CancellationToken token)
    {
        var campaign = await session.Events.AggregateStreamAsync<Campaign>(command.CampaignId, token: token) ?? throw new NotFound("campaign", command.CampaignId);
        var uploaded = await Store(blobs, campaign, command.AttachmentId, command.FileName, command.Bytes, command.By, clock.GetUtcNow(), token);
        session.Events.StartStream<Attachment>(command.AttachmentId, uploaded);
        return AttachmentResponse.Of(Attachment.Create(uploaded));
    }

    /// <summary>
    /// Files sent with a page's idea form, checked all before any is stored: the upload events go with the submission or
    /// revision they belong to, in its transaction (<see cref="AttachmentChoice.Attach"/>), so a refusal records none of them.
    /// </summary>
    public static async Task<IReadOnlyList<AttachmentUploaded>> StoreAll(IBlobStore blobs, Campaign campaign, IReadOnlyList<NewFile> files, string by,
        DateTimeOffset now, CancellationToken token)
    {
        var prepared = files.Select(f => Prepare(campaign, f.FileName, f.Bytes)).ToList();
        var uploaded = new List<AttachmentUploaded>();
        foreach (var file in prepared) uploaded.Add(await Keep(blobs, campaign, Guid.CreateVersion7(), file, by, now, token));
        return uploaded;
    }

    private static async Task<AttachmentUploaded> Store(IBlobStore blobs, Campaign campaign, Guid id, string? fileName, byte[] bytes, string by,
        DateTimeOffset now, CancellationToken token) =>
        await Keep(blobs, campaign, id, Prepare(campaign, fileName, bytes), by, now, token);

    private static async Task<AttachmentUploaded> Keep(IBlobStore blobs, Campaign campaign, Guid id, PreparedFile file, string by, DateTimeOffset now, CancellationToken token)
    {
        var sha256 = BlobKeys.Sha256Of(file.Stored);
        // The bytes are stored before the event commits: a crash in between leaves an unnamed blob, never an event without its file.
        await blobs.Put(sha256, file.Stored, file.Type.ContentType, token);
        string? thumbnail = null;
        if (file.Thumbnail is { } small)
        {
            thumbnail = BlobKeys.Sha256Of(small);
            await blobs.Put(thumbnail, small, "image/webp", token);
        }
        return new AttachmentUploaded(id, campaign.Id, by, file.FileName, file.Type.ContentType, file.Stored.LongLength,
            sha256, file.OriginalSha256, file.OriginalSize, file.Width, file.Height, thumbnail, now);
    }
}
