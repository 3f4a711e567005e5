using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Subjects;

namespace CoCreation.Moderation;

/// <summary>
/// Moderation's events that hold a member's words, and how erasure masks them (docs/adr/0014). A subject's text is the
/// idea or comment it screens: it is masked with its first author's erasure, as Ideation masks the idea's own text.
/// </summary>
public static class ModerationPersonalData
{
    public static IPersonalData Declaration { get; } = PersonalData.Declare(
        PersonalData.Of<ModerationItemAppealed>(e => e.AppealedBy, e => e with { Statement = Erased.Text }),
        PersonalData.Of<SubjectFlagged>(e => e.FlaggedBy, e => e with { Reason = Erased.Text }),
        PersonalData.OfMany<SubjectRecorded>(e => e.Authors.Take(1), e => e with { Text = Erased.Text }),
        PersonalData.OfMany<SubjectRevised>(e => e.Authors.Take(1), e => e with { Text = Erased.Text }));
}
