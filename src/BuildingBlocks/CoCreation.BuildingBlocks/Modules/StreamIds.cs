using System.Security.Cryptography;
using System.Text;

namespace CoCreation.BuildingBlocks.Modules;

/// <summary>
/// Stream ids are unique across the one event store, so a module that keeps a stream about another
/// module's entity (Voting's ballot of an idea) derives its own id from a scope and the entity's id:
/// a name-based UUID (RFC 9562 version 8, SHA-256), stable across runs and replays.
/// </summary>
public static class StreamIds
{
    public static Guid Derive(string scope, string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{key}"), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid Derive(string scope, Guid id) => Derive(scope, id.ToString("D"));
}
