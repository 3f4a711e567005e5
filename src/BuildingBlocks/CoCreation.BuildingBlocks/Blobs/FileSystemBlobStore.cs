namespace CoCreation.BuildingBlocks.Blobs;

/// <summary>Blobs as files under one folder, fanned out by their key's first two digits; a write lands whole or not at all.</summary>
public sealed class FileSystemBlobStore(string root) : IBlobStore
{
    public string Root { get; } = Path.GetFullPath(root);

    private string PathOf(string key) => Path.Combine(Root, BlobKeys.Checked(key)[..2], key);

    public async Task Put(string sha256, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken token)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        await File.WriteAllBytesAsync(temporary, bytes.ToArray(), token);
        File.Move(temporary, path, overwrite: true);
    }

    public async Task<byte[]?> Get(string sha256, CancellationToken token)
    {
        var path = PathOf(sha256);
        try
        {
            return await File.ReadAllBytesAsync(path, token);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task Delete(string sha256, CancellationToken token)
    {
        var path = PathOf(sha256);
        if (File.Exists(path)) File.Delete(path);
        return Task.CompletedTask;
    }
}
