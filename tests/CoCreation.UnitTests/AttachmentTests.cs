using System.IO.Compression;
using System.Text;
using CoCreation.BuildingBlocks.Blobs;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Attachments;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Contracts;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.Moderation.Files;
using SkiaSharp;

namespace CoCreation.UnitTests;

/// <summary>Attachments without a database: types from bytes, the choice of files, images re-encoded, the canonical content, screening, the file store.</summary>
public class AttachmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static Campaign Campaign(AttachmentRules? rules = null, CampaignStatus status = CampaignStatus.Open)
    {
        var command = CreateCampaignRules.ToCommand(new CreateCampaignRequest("Harbour sets", "Brief", null, null, null, null), Guid.NewGuid(), "brand", "acme", Now);
        var campaign = CoCreation.Ideation.Campaigns.Campaign.Create(new CampaignCreated(command.CampaignId, command.Title, command.Brief, command.Rules, "brand", Now));
        return campaign with { Status = status, Rules = campaign.Rules with { Attachments = rules } };
    }

    private static byte[] Image(SKEncodedImageFormat format, int width = 6, int height = 3)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    private static byte[] Zip(params string[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(name).Open())) writer.Write("<x/>");
        return buffer.ToArray();
    }

    private static byte[] BinaryStl(uint triangles)
    {
        var bytes = new byte[84 + 50 * triangles];
        BitConverter.GetBytes(triangles).CopyTo(bytes, 80);
        return bytes;
    }

    private const string AsciiStl = "solid s\n facet normal 0 0 1\n  outer loop\n   vertex 0 0 0\n  endloop\n endfacet\nendsolid s\n";

    [Fact]
    public void Types_are_read_from_the_bytes()
    {
        Assert.Same(FileTypes.Png, FileTypes.Sniff(Image(SKEncodedImageFormat.Png)));
        Assert.Same(FileTypes.Jpeg, FileTypes.Sniff(Image(SKEncodedImageFormat.Jpeg)));
        Assert.Same(FileTypes.Webp, FileTypes.Sniff(Image(SKEncodedImageFormat.Webp)));
        Assert.Same(FileTypes.Pdf, FileTypes.Sniff("%PDF-1.7\n%âãÏÓ\n"u8));
        Assert.Same(FileTypes.Stl, FileTypes.Sniff(Encoding.ASCII.GetBytes(AsciiStl)));
        Assert.Same(FileTypes.Stl, FileTypes.Sniff(BinaryStl(2)));
        Assert.Same(FileTypes.ThreeMf, FileTypes.Sniff(Zip("[Content_Types].xml", "3D/3dmodel.model", "_rels/.rels")));
    }

    [Fact]
    public void Anything_else_is_no_type_whatever_it_claims()
    {
        Assert.Null(FileTypes.Sniff("<html><script>alert(1)</script>"u8));
        Assert.Null(FileTypes.Sniff("MZ\x90\0\x03"u8));
        Assert.Null(FileTypes.Sniff(Zip("word/document.xml", "[Content_Types].xml")));
        Assert.Null(FileTypes.Sniff(BinaryStl(2)[..^1]));
        Assert.Null(FileTypes.Sniff(Encoding.ASCII.GetBytes("solid but no facets\nendsolid")));
        Assert.Null(FileTypes.Sniff(Encoding.UTF8.GetBytes(AsciiStl + "é")));
        Assert.Null(FileTypes.Sniff([]));
    }

    [Fact]
    public void An_upload_is_refused_by_the_campaigns_rules_before_it_is_decoded()
    {
        var png = Image(SKEncodedImageFormat.Png);
        Assert.Equal("campaign-not-open", Assert.Throws<RuleViolated>(() => UploadAttachmentHandler.Prepare(Campaign(status: CampaignStatus.Draft), "a.png", png)).Rule);
        Assert.Equal("attachments-not-taken", Assert.Throws<RuleViolated>(() => UploadAttachmentHandler.Prepare(Campaign(new AttachmentRules(0, 1)), "a.png", png)).Rule);
        var tooBig = Assert.Throws<FileRefused>(() => UploadAttachmentHandler.Prepare(Campaign(new AttachmentRules(2, 1)), "a.stl", BinaryStl(21_000)));
        Assert.Equal((413, "file-too-large"), (tooBig.Status, tooBig.Rule));
        var fake = Assert.Throws<FileRefused>(() => UploadAttachmentHandler.Prepare(Campaign(), "a.png", "not a picture"u8.ToArray()));
        Assert.Equal((415, "file-type-not-allowed"), (fake.Status, fake.Rule));
        Assert.Equal("file-empty", Assert.Throws<FileRefused>(() => UploadAttachmentHandler.Prepare(Campaign(), "a.png", [])).Rule);
    }

    [Fact]
    public void An_image_is_stored_as_new_pixels_with_a_thumbnail_and_the_original_hash()
    {
        var png = Image(SKEncodedImageFormat.Png, 900, 300);
        var prepared = UploadAttachmentHandler.Prepare(Campaign(), "C:\\Users\\me\\Desktop\\front view.png", png);
        Assert.Equal("front view.png", prepared.FileName);
        Assert.Equal(BlobKeys.Sha256Of(png), prepared.OriginalSha256);
        Assert.Equal((900, 300), (prepared.Width, prepared.Height));
        using var thumbnail = SKCodec.Create(new MemoryStream(prepared.Thumbnail!));
        Assert.Equal(SKEncodedImageFormat.Webp, thumbnail.EncodedFormat);
        Assert.Equal((ImageReencoding.ThumbnailSide, 160), (thumbnail.Info.Width, thumbnail.Info.Height));

        var model = UploadAttachmentHandler.Prepare(Campaign(), "", Encoding.ASCII.GetBytes(AsciiStl));
        Assert.Equal("file.stl", model.FileName);
        Assert.Null(model.Thumbnail);
        Assert.Equal(Encoding.ASCII.GetBytes(AsciiStl), model.Stored);
    }

    [Fact]
    public void Bytes_appended_after_an_image_are_left_behind()
    {
        var jpeg = Image(SKEncodedImageFormat.Jpeg);
        var smuggled = jpeg.Concat(Encoding.ASCII.GetBytes("PK<?php system($_GET['c']); ?>")).ToArray();
        var prepared = UploadAttachmentHandler.Prepare(Campaign(), "photo.jpg", smuggled);
        Assert.DoesNotContain("php", Encoding.Latin1.GetString(prepared.Stored));
    }

    [Fact]
    public void A_canvas_too_large_is_refused_before_it_is_decoded()
    {
        var png = Image(SKEncodedImageFormat.Png, 4, 4);
        // Rewrite the IHDR's width and height (big-endian, at bytes 16 and 20) to claim 30 000 × 30 000 pixels.
        var claimed = (byte[])png.Clone();
        foreach (var at in new[] { 16, 20 }) System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(claimed.AsSpan(at), 30_000);
        var refused = Assert.Throws<FileRefused>(() => ImageReencoding.Reencode(claimed, FileTypes.Png));
        Assert.Contains(refused.Rule, new[] { "image-too-large", "file-unreadable" });
    }

    private static Attachment Uploaded(Campaign campaign, string by, Guid? idea = null, bool erased = false) =>
        Attachment.Create(new AttachmentUploaded(Guid.NewGuid(), campaign.Id, by, "f.png", "image/png", 10, new string('a', 64), new string('b', 64), 12, 1, 1, null, Now))
            with { IdeaId = idea, ErasedAt = erased ? Now : null };

    [Fact]
    public void The_files_an_idea_lists_are_its_authors_of_this_campaign_and_no_other_ideas()
    {
        var campaign = Campaign(new AttachmentRules(2, 10));
        var idea = Guid.NewGuid();
        var mine = Uploaded(campaign, "alice");
        var coauthors = Uploaded(campaign, "bob", idea);
        var found = new[] { mine, coauthors }.ToDictionary(a => a.Id);
        var chosen = AttachmentChoice.Decide([coauthors.Id, mine.Id], found, campaign, idea, ["alice", "bob"]);
        Assert.Equal([coauthors.Id, mine.Id], chosen.Select(c => c.Id));
        Assert.Empty(AttachmentChoice.Decide([], found, campaign, idea, ["alice"]));

        string Refusal(Attachment a, IReadOnlyList<string>? authors = null) => Assert.Throws<RuleViolated>(() =>
            AttachmentChoice.Decide([a.Id], new Dictionary<Guid, Attachment> { [a.Id] = a }, campaign, idea, authors ?? ["alice"])).Rule;
        Assert.Equal("attachment-not-yours", Refusal(Uploaded(campaign, "mallory")));
        Assert.Equal("attachment-of-another-campaign", Refusal(Uploaded(Campaign(), "alice")));
        Assert.Equal("attachment-of-another-idea", Refusal(Uploaded(campaign, "alice", Guid.NewGuid())));
        Assert.Equal("attachment-erased", Refusal(Uploaded(campaign, "alice", erased: true)));
        Assert.Equal("attachment-not-yours", Assert.Throws<RuleViolated>(() =>
            AttachmentChoice.Decide([Guid.NewGuid()], found, campaign, idea, ["alice"])).Rule);
        var third = Uploaded(campaign, "alice");
        Assert.Equal("too-many-attachments", Assert.Throws<RuleViolated>(() =>
            AttachmentChoice.Decide([mine.Id, coauthors.Id, third.Id], found, campaign, idea, ["alice", "bob"])).Rule);
    }

    [Fact]
    public void Content_without_files_hashes_as_it_did_before_files_existed()
    {
        const string before = "{\"description\":\"A ferry\",\"tags\":[\"sea\"],\"title\":\"Ferry\"}";
        Assert.Equal(before, CanonicalContent.Json("Ferry", "A ferry", ["sea"]));
        Assert.Equal(before, CanonicalContent.Json("Ferry", "A ferry", ["sea"], []));
        Assert.Equal(BlobKeys.Sha256Of(Encoding.UTF8.GetBytes(before)), CanonicalContent.Hash("Ferry", "A ferry", ["sea"]));
    }

    [Fact]
    public void Content_with_files_covers_each_files_hash_in_the_galleries_order()
    {
        IdeaAttachment File(char c, string type, long size) => new(Guid.NewGuid(), new string(c, 64), type, size, new string('0', 64));
        var (a, b) = (File('a', "image/png", 10), File('b', "model/stl", 2048));
        Assert.Equal(
            "{\"attachments\":[{\"contentType\":\"image/png\",\"sha256\":\"" + new string('a', 64) + "\",\"size\":10},{\"contentType\":\"model/stl\",\"sha256\":\""
            + new string('b', 64) + "\",\"size\":2048}],\"description\":\"d\",\"tags\":[],\"title\":\"t\"}",
            CanonicalContent.Json("t", "d", [], [a, b]));
        Assert.NotEqual(CanonicalContent.Hash("t", "d", [], [a, b]), CanonicalContent.Hash("t", "d", [], [b, a]));
        Assert.NotEqual(CanonicalContent.Hash("t", "d", [], [a]), CanonicalContent.Hash("t", "d", [], [a with { Sha256 = new string('c', 64) }]));
    }

    [Fact]
    public void Screening_finds_blocked_hashes_either_stored_or_original_and_only_those_are_clear_cut()
    {
        var file = new IdeaAttachment(Guid.NewGuid(), new string('a', 64), "image/png", 10, new string('b', 64));
        Assert.Empty(FileScreening.Screen([file], new HashSet<string>()));
        var byOriginal = FileScreening.Screen([file], new HashSet<string> { new('b', 64) });
        Assert.Equal("blocked-file", Assert.Single(byOriginal).Kind);
        Assert.True(FileScreening.ClearCut(byOriginal));
        var odd = FileScreening.Screen([file with { ContentType = "text/html", Size = FileScreening.MaxBytes + 1 }], new HashSet<string>());
        Assert.Equal(["file-type", "file-size"], odd.Select(f => f.Kind));
        Assert.False(FileScreening.ClearCut(odd));
    }

    [Fact]
    public async Task The_file_store_keeps_bytes_by_their_hash_and_refuses_other_keys()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"blobs-{Guid.NewGuid():N}");
        try
        {
            var store = new FileSystemBlobStore(folder);
            var bytes = "a design"u8.ToArray();
            var key = BlobKeys.Sha256Of(bytes);
            Assert.Null(await store.Get(key, default));
            await store.Put(key, bytes, "model/stl", default);
            await store.Put(key, bytes, "model/stl", default);
            Assert.Equal(bytes, await store.Get(key, default));
            await store.Delete(key, default);
            Assert.Null(await store.Get(key, default));
            await store.Delete(key, default);
            await Assert.ThrowsAsync<ArgumentException>(() => store.Get("../../etc/passwd", default));
            await Assert.ThrowsAsync<ArgumentException>(() => store.Put(key.ToUpperInvariant(), bytes, "x", default));
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
