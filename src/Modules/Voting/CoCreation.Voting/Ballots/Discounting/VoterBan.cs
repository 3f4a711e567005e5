using CoCreation.BuildingBlocks.Privacy;
using CoCreation.BuildingBlocks.Modules;

namespace CoCreation.Voting.Ballots.Discounting;

/// <summary>Voting's record that Moderation banned a member, taken from Moderation's message.</summary>
public sealed record VoterBanned(Guid BanId, string MemberId, [NotMemberWritten("the moderator's ban reason, written by staff in their role (moderator, brand, legal), not a member's personal words")] string Reason, string BannedBy, DateTimeOffset BannedAt);

public sealed record VoterBan(Guid Id, string MemberId, string Reason, DateTimeOffset BannedAt)
{
    public static Guid IdFor(string memberId) => StreamIds.Derive("voting-ban", memberId);

    public static VoterBan Create(VoterBanned e) => new(e.BanId, e.MemberId, e.Reason, e.BannedAt);
}
