namespace CoCreation.Audit.Privacy;

/// <summary>An admin erased a member's free text: these events now hold "[erased]" where the member's words were.</summary>
public sealed record PersonalDataErased(Guid ErasureId, string MemberId, IReadOnlyList<long> Sequences, string ErasedBy, DateTimeOffset ErasedAt);
