namespace CoCreation.Audit.Transparency.Signing;

/// <summary>
/// The platform signed its tree head: recorded in the log itself (stream <see cref="CheckpointLog.StreamId"/>), so the
/// sequence of heads is audited like any other fact. RootHash in lowercase hex; KeyId the signing key's, 8 hex digits.
/// </summary>
public sealed record CheckpointSigned(long TreeSize, string RootHash, string KeyId, DateTimeOffset SignedAt);
