using System.Security.Cryptography;

namespace CoCreation.BuildingBlocks.Blobs;

public static class BlobKeys
{
    public static string Sha256Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>A key is 64 lower-case hex digits; anything else never reaches a path or an object name.</summary>
    public static bool IsValid(string? key) => key is { Length: 64 } && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static string Checked(string key) =>
        IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a SHA-256 blob key.", nameof(key));
}
