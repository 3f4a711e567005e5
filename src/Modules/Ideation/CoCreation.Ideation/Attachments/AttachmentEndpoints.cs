using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Blobs;
using CoCreation.BuildingBlocks.Http;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Campaigns;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace CoCreation.Ideation.Attachments;

public static class AttachmentEndpoints
{
    /// <summary>A multipart upload is read up to this size whatever the campaign takes, so its own limit can be named in a 413.</summary>
    public const long MaxUploadBytes = (AttachmentRules.MaxFileMegabytesCeiling + 1) * 1024L * 1024L;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/campaigns/{id:guid}/attachments", async (Guid id, HttpContext http, IMessageContext bus) =>
            {
                var (name, bytes) = await ReadFile(http.Request, http.RequestAborted);
                var uploaded = await bus.Send<AttachmentResponse>(http, new UploadAttachment(Guid.CreateVersion7(), id, name, bytes, RequestContext.Of(http).Actor));
                return Results.Created($"/api/attachments/{uploaded.Id}", uploaded);
            })
            .WithTags("Ideas")
            .RequireAuthorization(p => p.RequireRole(Roles.Participant))
            .DisableAntiforgery()
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<AttachmentResponse>(StatusCodes.Status201Created)
            .WithSummary("Upload a file for an idea (multipart field 'file'): its type is read from its bytes, an image is re-encoded without its metadata; list the id in the idea's 'attachments'");

        var files = routes.MapGroup("/api/attachments").WithTags("Ideas");
        files.MapGet("/{id:guid}", async (Guid id, HttpContext http, IQuerySession session, CancellationToken token) =>
                AttachmentResponse.Of(await AttachmentAccess.Visible(session, id, Viewer.Of(http), token)))
            .Produces<AttachmentResponse>()
            .WithSummary("Read a file's description: name, type, size, SHA-256 (its uploader, or whoever sees its idea)");
        files.MapGet("/{id:guid}/content", (Guid id, HttpContext http, IQuerySession session, IBlobStore blobs, CancellationToken token) =>
                Serve(http, session, blobs, id, thumbnail: false, token))
            .Produces<byte[]>(StatusCodes.Status200OK, "image/png", "image/jpeg", "image/webp", "application/pdf", "model/stl", "model/3mf")
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Read a file's bytes (410 once erased with its uploader's data)");
        files.MapGet("/{id:guid}/thumbnail", (Guid id, HttpContext http, IQuerySession session, IBlobStore blobs, CancellationToken token) =>
                Serve(http, session, blobs, id, thumbnail: true, token))
            .Produces<byte[]>(StatusCodes.Status200OK, "image/webp")
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithSummary("Read an image's thumbnail (WebP)");

        // The same bytes for the pages' <img> and links, read with the sign-in cookie.
        var pages = routes.MapGroup("/attachments").ExcludeFromDescription();
        pages.MapGet("/{id:guid}/content", (Guid id, HttpContext http, IQuerySession session, IBlobStore blobs, CancellationToken token) =>
            Serve(http, session, blobs, id, thumbnail: false, token));
        pages.MapGet("/{id:guid}/thumbnail", (Guid id, HttpContext http, IQuerySession session, IBlobStore blobs, CancellationToken token) =>
            Serve(http, session, blobs, id, thumbnail: true, token));
    }

    /// <summary>The one file of a multipart upload, or the problem that says what is missing.</summary>
    public static async Task<(string Name, byte[] Bytes)> ReadFile(HttpRequest request, CancellationToken token)
    {
        if (!request.HasFormContentType || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
            throw new FileRefused(415, "multipart-expected", "Upload the file as multipart/form-data, in a field named 'file'.");
        if (request.ContentLength > MaxUploadBytes)
            throw new FileRefused(413, "file-too-large", $"An upload is at most {AttachmentRules.MaxFileMegabytesCeiling} MiB.");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(token);
        }
        catch (InvalidDataException e)
        {
            throw new FileRefused(413, "file-too-large", $"The upload could not be read: {e.Message}");
        }
        var file = form.Files.GetFile("file");
        if (file is null || form.Files.Count != 1)
            throw new ValidationFailed(new Dictionary<string, string[]> { ["file"] = ["Send exactly one file, in the multipart field 'file'."] });
        if (file.Length > MaxUploadBytes)
            throw new FileRefused(413, "file-too-large", $"An upload is at most {AttachmentRules.MaxFileMegabytesCeiling} MiB.");
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, token);
        return (file.FileName, buffer.ToArray());
    }

    private static async Task<IResult> Serve(HttpContext http, IQuerySession session, IBlobStore blobs, Guid id, bool thumbnail, CancellationToken token)
    {
        var attachment = await AttachmentAccess.Visible(session, id, Viewer.Of(http), token);
        if (attachment.Erased)
            throw new Gone("attachment-erased", $"Attachment {id} was erased with its uploader's data; its SHA-256 {attachment.Sha256} stays on record.");
        var key = thumbnail ? attachment.ThumbnailSha256 ?? throw new NotFound("thumbnail of attachment", id) : attachment.Sha256;
        var bytes = await blobs.Get(key, token) ?? throw new NotFound("stored file of attachment", id);
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // A file is never a page: nothing in it runs, even when opened on its own.
        headers.ContentSecurityPolicy = "default-src 'none'; img-src 'self'; sandbox";
        headers.CacheControl = "private, max-age=300";
        headers.ETag = $"\"{key}\"";
        var inline = thumbnail || attachment.Kind == AttachmentKind.Image;
        var disposition = new System.Net.Mime.ContentDisposition { Inline = inline, FileName = thumbnail ? $"thumbnail-{attachment.Id}.webp" : Ascii(attachment.FileName) };
        headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(bytes, thumbnail ? "image/webp" : attachment.ContentType);
    }

    private static string Ascii(string name) => new(name.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c : '_').ToArray());
}
