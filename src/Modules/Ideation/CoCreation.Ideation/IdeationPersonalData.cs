using CoCreation.BuildingBlocks.Privacy;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Commenting;

namespace CoCreation.Ideation;

/// <summary>Ideation's events that hold a member's words, and how erasure masks them (docs/adr/0014).</summary>
public static class IdeationPersonalData
{
    public static IPersonalData Declaration { get; } = PersonalData.Declare(
        PersonalData.Of<IdeaSubmitted>(e => e.SubmittedBy, e => e with { Title = Erased.Text, Description = Erased.Text, Tags = [] }),
        PersonalData.Of<IdeaRevised>(e => e.RevisedBy, e => e with { Title = Erased.Text, Description = Erased.Text, Tags = [] }),
        PersonalData.Of<CommentPosted>(e => e.PostedBy, e => e with { Text = Erased.Text }),
        PersonalData.Of<CommentEdited>(e => e.EditedBy, e => e with { Text = Erased.Text }),
        PersonalData.Of<Attachments.AttachmentUploaded>(e => e.UploadedBy, e => e with { FileName = Erased.Text }));
}
