using Microsoft.AspNetCore.Http;

namespace CoCreation.Ideation.Attachments;

/// <summary>The files an idea form sent (its field 'files'), and the ids of the files it keeps (its checkboxes 'keep').</summary>
public static class FormFiles
{
    public static async Task<IReadOnlyList<NewFile>> Read(HttpRequest request, CancellationToken token)
    {
        if (!request.HasFormContentType) return [];
        var form = await request.ReadFormAsync(token);
        var files = new List<NewFile>();
        foreach (var file in form.Files.GetFiles("files").Where(f => f.Length > 0 || f.FileName.Length > 0))
        {
            if (file.Length > AttachmentEndpoints.MaxUploadBytes)
                throw new BuildingBlocks.Problems.FileRefused(413, "file-too-large", $"An upload is at most {Campaigns.AttachmentRules.MaxFileMegabytesCeiling} MiB.");
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, token);
            files.Add(new NewFile(file.FileName, buffer.ToArray()));
        }
        return files;
    }

    public static async Task<List<Guid>> Kept(HttpRequest request, CancellationToken token)
    {
        if (!request.HasFormContentType) return [];
        var form = await request.ReadFormAsync(token);
        return form["keep"].Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct().ToList();
    }
}
