using CoCreation.BuildingBlocks.Blobs;
using CoCreation.BuildingBlocks.Privacy;
using Marten;

namespace CoCreation.Ideation.Attachments;

/// <summary>
/// Erasure removes the files an erased member uploaded from the blob store (docs/adr/0014): their names are masked in
/// the log by the erasure itself, their bytes go here, their hashes stay in the events so every idea's content hash still
/// verifies. Bytes another member also uploaded stay for that member. A redelivery finds nothing left to do.
/// </summary>
public static class EraseMemberFilesHandler
{
    public static async Task Handle(PersonalDataErasedIntegrationEvent message, IDocumentSession session, IBlobStore blobs, TimeProvider clock, CancellationToken token)
    {
        var files = await session.Query<Attachment>().Where(a => a.UploadedBy == message.MemberId && a.ErasedAt == null).ToListAsync(token);
        if (files.Count == 0) return;
        var keys = files.Select(f => f.Sha256).Concat(files.Select(f => f.ThumbnailSha256).OfType<string>()).Distinct().ToList();
        var keptForOthers = (await session.Query<Attachment>()
                .Where(a => a.UploadedBy != message.MemberId && a.ErasedAt == null && (a.Sha256.IsOneOf(keys) || a.ThumbnailSha256.IsOneOf(keys)))
                .Select(a => new { a.Sha256, a.ThumbnailSha256 }).ToListAsync(token))
            .SelectMany(a => new[] { a.Sha256, a.ThumbnailSha256 }).OfType<string>().ToHashSet();
        var now = clock.GetUtcNow();
        foreach (var file in files)
        {
            var removed = !keptForOthers.Contains(file.Sha256);
            if (removed) await blobs.Delete(file.Sha256, token);
            if (file.ThumbnailSha256 is { } thumbnail && !keptForOthers.Contains(thumbnail)) await blobs.Delete(thumbnail, token);
            session.Events.Append(file.Id, new AttachmentFileErased(file.Id, file.CampaignId, file.Sha256, removed, now));
        }
    }
}
