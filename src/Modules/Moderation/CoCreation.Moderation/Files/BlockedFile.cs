using CoCreation.BuildingBlocks.Modules;
using CoCreation.BuildingBlocks.Privacy;

namespace CoCreation.Moderation.Files;

/// <summary>A moderator refused a file for good: any upload with these bytes (as uploaded, or as stored) is rejected at screening.</summary>
public sealed record FileHashBlocked(Guid BlockId, string Sha256,
    [NotMemberWritten("the moderator's reason, written by staff in their role (moderator, brand, legal), not a member's personal words")] string Reason,
    string BlockedBy, DateTimeOffset BlockedAt);

public sealed record FileHashUnblocked(Guid BlockId, string Sha256, string UnblockedBy, DateTimeOffset UnblockedAt);

/// <summary>One hash of the block list; Blocked false once a moderator lifted it (the stream keeps both acts).</summary>
public sealed record BlockedFile(Guid Id, string Sha256, string Reason, string BlockedBy, DateTimeOffset BlockedAt, bool Blocked = true)
{
    public static Guid StreamIdFor(string sha256) => StreamIds.Derive("moderation-blocked-file", sha256);

    public static BlockedFile Create(FileHashBlocked e) => new(e.BlockId, e.Sha256, e.Reason, e.BlockedBy, e.BlockedAt);

    public BlockedFile Apply(FileHashBlocked e) => this with { Reason = e.Reason, BlockedBy = e.BlockedBy, BlockedAt = e.BlockedAt, Blocked = true };

    public BlockedFile Apply(FileHashUnblocked _) => this with { Blocked = false };
}
