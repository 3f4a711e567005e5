namespace CoCreation.BuildingBlocks.Blobs;

/// <summary>
/// Files kept outside the event store, addressed by the SHA-256 of their bytes (lower-case hex): the same bytes are
/// stored once, and a key names its content for good. Writing a key that exists changes nothing.
/// </summary>
public interface IBlobStore
{
    Task Put(string sha256, ReadOnlyMemory<byte> bytes, string contentType, CancellationToken token);

    /// <summary>The bytes, or null when the key is not (or no longer) stored.</summary>
    Task<byte[]?> Get(string sha256, CancellationToken token);

    Task Delete(string sha256, CancellationToken token);
}
