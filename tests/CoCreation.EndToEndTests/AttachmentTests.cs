using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SkiaSharp;

namespace CoCreation.EndToEndTests;

/// <summary>Designs with ideas (docs/adr/0036): typed from their bytes, images re-encoded without metadata, hashed into the content, screened, erased.</summary>
[Collection(PlatformCollection.Name)]
public class AttachmentTests(PlatformFixture platform)
{
    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private async Task<HttpResponseMessage> Upload(Guid campaignId, string token, byte[] bytes, string name, string contentType = "application/octet-stream") =>
        await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/attachments", token, TestFiles.Form(bytes, name, contentType));

    private async Task<JsonElement> Uploaded(Guid campaignId, string token, byte[] bytes, string name)
    {
        var response = await Upload(campaignId, token, bytes, name);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await PlatformFixture.Json(response);
    }

    private async Task<Guid> Submit(Guid campaignId, string token, string title, params Guid[] attachments)
    {
        var response = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", token,
            new { title, description = $"{title}, with its drawings.", tags = new[] { "design" }, attachments });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await PlatformFixture.Json(response)).GetProperty("id").GetGuid();
    }

    /// <summary>The content hash IntellectualProperty recorded for the idea's first contribution, once it has.</summary>
    private Task<string> FirstContentHash(Guid ideaId, string legal) =>
        PlatformFixture.Eventually(async () =>
            await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal) is { StatusCode: HttpStatusCode.OK } r
            && (await PlatformFixture.Json(r)).GetProperty("contributions") is { ValueKind: JsonValueKind.Array } c && c.GetArrayLength() > 0
                ? c[0].GetProperty("contentHash").GetString() : null, "the contribution to be recorded");

    private async Task<byte[]> Bytes(string path, string? token)
    {
        var response = await platform.Send(HttpMethod.Get, path, token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task A_photo_is_stored_upright_without_its_EXIF_location_and_with_a_thumbnail()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        // Orientation 6: the camera was turned a quarter right, so the 40×20 pixels stand as a 20×40 picture.
        var photo = TestFiles.JpegWithExif(40, 20, orientation: 6, artist: "Secret Garden Studio 48.8566N");
        var uploaded = await Uploaded(campaignId, s.AuthorToken, photo, "../../etc/holiday photo.jpg");

        Assert.Equal("image/jpeg", uploaded.GetProperty("contentType").GetString());
        Assert.Equal("holiday photo.jpg", uploaded.GetProperty("fileName").GetString());
        Assert.Equal(Sha(photo), uploaded.GetProperty("originalSha256").GetString());
        Assert.Equal((20, 40), (uploaded.GetProperty("width").GetInt32(), uploaded.GetProperty("height").GetInt32()));

        var stored = await Bytes(uploaded.GetProperty("content").GetString()!, s.AuthorToken);
        Assert.Equal(uploaded.GetProperty("sha256").GetString(), Sha(stored));
        Assert.NotEqual(Sha(photo), Sha(stored));
        var text = Encoding.Latin1.GetString(stored);
        Assert.DoesNotContain("Exif", text);
        Assert.DoesNotContain("Secret Garden", text);
        using (var codec = SKCodec.Create(new MemoryStream(stored)))
        {
            Assert.Equal(SKEncodedOrigin.TopLeft, codec.EncodedOrigin);
            Assert.Equal((20, 40), (codec.Info.Width, codec.Info.Height));
        }
        // The red corner block of the sensor's top-left now stands at the picture's top-right.
        using (var bitmap = SKBitmap.Decode(stored))
        {
            Assert.True(bitmap.GetPixel(17, 2).Red > 150 && bitmap.GetPixel(17, 2).Blue < 120, $"top-right is {bitmap.GetPixel(17, 2)}");
            Assert.True(bitmap.GetPixel(2, 2).Blue > 120 && bitmap.GetPixel(2, 2).Red < 120, $"top-left is {bitmap.GetPixel(2, 2)}");
        }

        var thumbnail = await platform.Send(HttpMethod.Get, uploaded.GetProperty("thumbnail").GetString()!, s.AuthorToken);
        Assert.Equal("image/webp", thumbnail.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", thumbnail.Headers.GetValues("X-Content-Type-Options").Single());
        using var small = SKCodec.Create(new MemoryStream(await thumbnail.Content.ReadAsByteArrayAsync()));
        Assert.Equal(SKEncodedImageFormat.Webp, small.EncodedFormat);
    }

    [Fact]
    public async Task The_type_is_read_from_the_bytes_and_the_campaigns_limits_hold()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign(body: new
        {
            title = "Small files only", brief = "Two files of one MiB at most.", attachments = new { maxFiles = 2, maxFileMegabytes = 1 }
        });

        var fakePng = Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>");
        await PlatformFixture.AssertRule(await Upload(campaignId, s.AuthorToken, fakePng, "drawing.png", "image/png"), HttpStatusCode.UnsupportedMediaType, "file-type-not-allowed");
        var truncated = TestFiles.Png()[..30];
        await PlatformFixture.AssertRule(await Upload(campaignId, s.AuthorToken, truncated, "broken.png"), HttpStatusCode.UnsupportedMediaType, "file-unreadable");
        var big = new byte[1024 * 1024 + 1];
        TestFiles.Stl().CopyTo(big, 0);
        await PlatformFixture.AssertRule(await Upload(campaignId, s.AuthorToken, big, "huge.stl"), HttpStatusCode.RequestEntityTooLarge, "file-too-large");
        var json = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/attachments", s.AuthorToken, new { file = "not a form" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);

        var model = await Uploaded(campaignId, s.AuthorToken, TestFiles.Stl(), "brick.txt");
        Assert.Equal("model/stl", model.GetProperty("contentType").GetString());
        Assert.Equal("brick.txt", model.GetProperty("fileName").GetString());
        Assert.False(model.TryGetProperty("thumbnail", out var t) && t.ValueKind == JsonValueKind.String);
        var model2 = await Uploaded(campaignId, s.AuthorToken, TestFiles.Stl(), "brick2.stl");
        var picture = await Uploaded(campaignId, s.AuthorToken, TestFiles.Png(), "front.png");

        var ids = new[] { model, model2, picture }.Select(f => f.GetProperty("id").GetGuid()).ToArray();
        var tooMany = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", s.AuthorToken,
            new { title = "Three files", description = "One too many.", tags = new[] { "x" }, attachments = ids });
        await PlatformFixture.AssertRule(tooMany, HttpStatusCode.Conflict, "too-many-attachments");

        var other = await platform.TokenFor(PlatformFixture.Unique("other"), "participant");
        await platform.AcceptAgreement(other);
        var notYours = await platform.Send(HttpMethod.Post, $"/api/campaigns/{campaignId}/ideas", other,
            new { title = "Borrowed file", description = "Someone else's upload.", tags = new[] { "x" }, attachments = new[] { ids[0] } });
        await PlatformFixture.AssertRule(notYours, HttpStatusCode.Conflict, "attachment-not-yours");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, $"/api/attachments/{ids[0]}", other)).StatusCode);

        // Neither refusal recorded an idea: the author's list is empty.
        var mine = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/me/ideas", s.AuthorToken));
        Assert.DoesNotContain(mine.GetProperty("ideas").EnumerateArray(), i => i.GetProperty("campaignId").GetGuid() == campaignId);
    }

    [Fact]
    public async Task Files_are_seen_as_their_idea_is_and_their_hashes_are_in_the_contributions_content()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var front = await Uploaded(campaignId, s.AuthorToken, TestFiles.Png(12, 6), "front.png");
        var model = await Uploaded(campaignId, s.AuthorToken, TestFiles.Stl(), "brick.stl");
        var ideaId = await Submit(campaignId, s.AuthorToken, "Lighthouse with a lens", front.GetProperty("id").GetGuid(), model.GetProperty("id").GetGuid());
        var content = front.GetProperty("content").GetString()!;

        var stranger = await platform.TokenFor(PlatformFixture.Unique("stranger"), "participant");
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, content, stranger)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, content)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, content, s.ModeratorToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, content, s.BrandToken)).StatusCode);

        var item = await s.QueueItemFor(ideaId);
        Assert.Contains(front.GetProperty("sha256").GetString()!, item.GetRawText());

        await s.Publish(ideaId);
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, content)).StatusCode);
        var idea = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}"));
        Assert.Equal(["front.png", "brick.stl"], idea.GetProperty("attachments").EnumerateArray().Select(a => a.GetProperty("fileName").GetString()!).ToArray());
        var page = await (await platform.Send(HttpMethod.Get, $"/ideas/{ideaId}")).Content.ReadAsStringAsync();
        Assert.Contains($"/attachments/{front.GetProperty("id").GetGuid()}/thumbnail", page);

        var expected = "{\"attachments\":[" +
                       $"{{\"contentType\":\"image/png\",\"sha256\":\"{front.GetProperty("sha256").GetString()}\",\"size\":{front.GetProperty("size").GetInt64()}}}," +
                       $"{{\"contentType\":\"model/stl\",\"sha256\":\"{model.GetProperty("sha256").GetString()}\",\"size\":{model.GetProperty("size").GetInt64()}}}" +
                       "],\"description\":\"Lighthouse with a lens, with its drawings.\",\"tags\":[\"design\"],\"title\":\"Lighthouse with a lens\"}";
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var hash = await FirstContentHash(ideaId, legal);
        Assert.Equal(Sha(Encoding.UTF8.GetBytes(expected)), hash);
    }

    [Fact]
    public async Task A_file_on_the_block_list_gets_its_submission_rejected_at_screening()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var png = TestFiles.Png(9, 9, 0xFF6A1B9A);
        var first = await Uploaded(campaignId, s.AuthorToken, png, "copied-logo.png");

        var block = await platform.Send(HttpMethod.Post, "/api/moderation/blocked-files", s.ModeratorToken,
            new { sha256 = Sha(png), reason = "A registered trademark of another brand." });
        Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        await PlatformFixture.AssertRule(await platform.Send(HttpMethod.Post, "/api/moderation/blocked-files", s.ModeratorToken,
            new { sha256 = Sha(png), reason = "again" }), HttpStatusCode.Conflict, "file-already-blocked");
        Assert.Equal(HttpStatusCode.BadRequest, (await platform.Send(HttpMethod.Post, "/api/moderation/blocked-files", s.ModeratorToken,
            new { sha256 = "not-a-hash", reason = "x" })).StatusCode);
        var list = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, "/api/moderation/blocked-files", s.ModeratorToken));
        Assert.Contains(list.EnumerateArray(), b => b.GetProperty("sha256").GetString() == Sha(png));

        var ideaId = await Submit(campaignId, s.AuthorToken, "Logo mug", first.GetProperty("id").GetGuid());
        await s.AwaitStatus(ideaId, "Rejected");
        var log = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/moderation/log?subjectId={ideaId}", s.ModeratorToken));
        Assert.Contains("blocked-file", log.GetRawText());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Send(HttpMethod.Get, first.GetProperty("content").GetString()!)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await platform.Send(HttpMethod.Delete, $"/api/moderation/blocked-files/{Sha(png)}", s.ModeratorToken)).StatusCode);
        var again = await Uploaded(campaignId, s.AuthorToken, png, "logo-licensed.png");
        var cleared = await Submit(campaignId, s.AuthorToken, "Licensed logo mug", again.GetProperty("id").GetGuid());
        var item = await s.QueueItemFor(cleared);
        Assert.DoesNotContain("blocked-file", item.GetProperty("screening").GetRawText());
    }

    [Fact]
    public async Task Erasure_removes_the_members_files_and_keeps_their_hashes_verifiable()
    {
        var s = await new Scenario(platform).WithTokens();
        var campaignId = await s.CreateCampaign();
        var member = PlatformFixture.Unique("erasable");
        var token = await platform.TokenFor(member, "participant");
        await platform.AcceptAgreement(token);
        var png = TestFiles.Png(10, 10, 0xFFEF6C00);
        var file = await Uploaded(campaignId, token, png, "my-face.png");
        var ideaId = await Submit(campaignId, token, "Portrait set", file.GetProperty("id").GetGuid());
        await s.Publish(ideaId);
        var content = file.GetProperty("content").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Get, content)).StatusCode);
        var legal = await platform.TokenFor(PlatformFixture.Unique("legal"), "legal");
        var hashBefore = await FirstContentHash(ideaId, legal);

        var admin = await platform.TokenFor(PlatformFixture.Unique("admin"), "admin");
        Assert.Equal(HttpStatusCode.OK, (await platform.Send(HttpMethod.Delete, $"/api/members/{member}/personal-data", admin)).StatusCode);

        var gone = await PlatformFixture.Eventually(async () =>
            await platform.Send(HttpMethod.Get, content) is { StatusCode: HttpStatusCode.Gone } r ? r : null, "the file to be erased");
        Assert.Equal("attachment-erased", (await PlatformFixture.Json(gone)).GetProperty("type").GetString()!.Split("/problems/").Last());
        var description = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/attachments/{file.GetProperty("id").GetGuid()}", legal));
        Assert.True(description.GetProperty("erased").GetBoolean());
        Assert.Equal(file.GetProperty("sha256").GetString(), description.GetProperty("sha256").GetString());
        Assert.Equal(Sha(png), description.GetProperty("originalSha256").GetString());

        var provenance = await PlatformFixture.Json(await platform.Send(HttpMethod.Get, $"/api/ideas/{ideaId}/provenance", legal));
        Assert.Equal(hashBefore, provenance.GetProperty("contributions")[0].GetProperty("contentHash").GetString());
        Assert.True(provenance.GetProperty("integrity").GetProperty("valid").GetBoolean());
    }
}
