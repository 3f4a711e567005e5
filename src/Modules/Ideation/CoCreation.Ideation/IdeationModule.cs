using CoCreation.BuildingBlocks.Blobs;
using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Seeding;
using CoCreation.Ideation.Agreements;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Ideation.Ideas.GettingTimeline;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Ideation;

public static class IdeationModule
{
    public const string Schema = "ideation";

    public static IServiceCollection AddIdeationModule(this IServiceCollection services) =>
        services.AddSingleton<BuildingBlocks.Auth.ICampaignOwnership, CampaignOwnership>()
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.MySections, typeof(Ideas.Mine.MyIdeasSection), Order: 10))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.IdeaLink, typeof(Ideas.GettingDetails.IdeaLink)))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandCampaignExports, typeof(Campaigns.Exporting.IdeationExportLinks), Order: 10))
            .AddSingleton<Ideas.AtAnInstant.IdeasAtInstant>()
            .AddSingleton<BuildingBlocks.TimeTravel.ICampaignStatePart>(sp => sp.GetRequiredService<Ideas.AtAnInstant.IdeasAtInstant>())
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.CampaignStateAt, typeof(Ideas.AtAnInstant.IdeasAtInstantSection), Order: 10))
            .AddSingleton(IdeationPersonalData.Declaration)
            .AddBlobStore()
            .AddIdeationDemoSeed()
            .AddSingleton(new BuildingBlocks.Ui.RefusalSentences(new Dictionary<string, string>
            {
                ["idea-not-public"] = "This idea is not public: it takes no comments.",
                ["comment-edit-window-closed"] = "A comment can be edited only in the ten minutes after posting it; you can still delete it.",
                ["comment-deleted"] = "This comment was deleted.",
                ["validation"] = "Please check what you wrote: a comment is 1 to 5,000 characters.",
                ["not-found"] = "That idea is no longer there.",
                ["campaign-not-open"] = "This campaign is not open to ideas: ideas can be submitted only while it is open.",
                ["submissions-closed"] = "This campaign no longer takes ideas: its submission phase is over.",
                ["submission-cap-reached"] = "You have submitted as many ideas as this campaign takes from one member.",
                ["campaign-not-draft"] = "This campaign is no longer a draft: it was already opened.",
                ["campaign-phase-passed"] = "This campaign's deadlines have already passed: a campaign opens before them.",
                ["idea-not-under-review"] = "This idea is no longer under review: a decision was already recorded.",
                ["dispute-open"] = "An intellectual-property dispute is open on this idea: it cannot be selected until legal resolves it.",
                ["idea-not-selected"] = "Only a selected idea goes into production.",
                ["idea-not-in-production"] = "Only an idea in production is launched.",
                [Campaigns.Running.BrandPageEndpoints.DecisionInvalid] = "Choose Selected or Not selected; a note is at most 5,000 characters.",
                [Campaigns.Running.BrandPageEndpoints.ProgressInvalid] = "A progress note is 1 to 5,000 characters.",
                ["not-the-author"] = "Only the idea's author may do that.",
                ["not-an-author"] = "Only the idea's authors and co-authors edit it.",
                ["not-invited"] = "Only a member invited to this idea may accept.",
                ["idea-not-revisable"] = "This idea can no longer be edited: an idea is edited only while it waits for moderation or after a rejection.",
                ["idea-not-open-to-coauthors"] = "This idea no longer takes co-authors.",
                ["already-an-author"] = "That member is already an author of this idea.",
                ["already-invited"] = "That member is already invited to this idea.",
                ["too-many-authors"] = "An idea has at most 10 authors, invitations included.",
                [Ideas.CoAuthoring.IdeaOwnerPageEndpoints.InviteeInvalid] = "Please give the user id of the member to invite (at most 64 characters).",
                [Ideas.CoAuthoring.IdeaOwnerPageEndpoints.WithdrawNotConfirmed] = "Tick the confirmation to withdraw the idea.",
                ["idea-not-withdrawable"] = "This idea can no longer be withdrawn.",
                ["idea-not-mergeable"] = "Only a published idea is merged into another.",
                ["merge-target-not-open"] = "An idea is merged only into one that is published or under review.",
                ["ideas-in-different-campaigns"] = "Only ideas of one campaign are merged.",
                ["idea-not-merged"] = "This idea is not merged: there is nothing to undo.",
                ["own-idea"] = "Nobody merges an idea they author.",
                ["file-type-not-allowed"] = "A file was not one the campaign takes: PNG, JPEG or WebP images, PDF, STL or 3MF (what counts is the file itself, not its name).",
                ["file-too-large"] = "A file was larger than the campaign takes.",
                ["image-too-large"] = "An image had more pixels than the platform takes (50 million at most).",
                ["file-unreadable"] = "An image could not be read: upload it again from the original.",
                ["file-empty"] = "A file was empty.",
                ["too-many-attachments"] = "That is more files than the campaign takes with one idea.",
                ["attachments-not-taken"] = "This campaign takes no files with its ideas.",
                ["attachment-not-yours"] = "A file listed was not uploaded by an author of this idea.",
                ["review-rounds-not-enabled"] = "This campaign does not review in rounds: decide each idea as it arrives.",
                ["review-round-already-open"] = "A review round is already open: close it before opening the next.",
                ["no-ideas-awaiting-review"] = "No idea is waiting for review.",
                ["idea-not-in-open-round"] = "This idea is not in the open review round: it waits for the next one.",
                ["round-has-undecided-ideas"] = "Decide every idea of the round before closing it.",
                ["review-round-closed"] = "This review round is already closed: its results are published."
            }, Module: "Ideation", Text: typeof(IdeationText)))
            .AddModule<IdeationEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([
                typeof(CampaignCreated), typeof(CampaignOpened), typeof(CampaignClosed), typeof(Campaigns.Editing.CampaignDraftEdited), typeof(Ideas.Submitting.MemberSubmissionCounted),
                typeof(IdeaSubmitted), typeof(IdeaRevised), typeof(IdeaPublished), typeof(IdeaRejected), typeof(IdeaHidden), typeof(IdeaHideLifted),
                typeof(IdeaWithdrawn), typeof(CoAuthorInvited), typeof(CoAuthorJoined), typeof(IdeaMilestoneReached),
                typeof(IdeaMovedToReview), typeof(IdeaExpired), typeof(IdeaSelected), typeof(IdeaNotSelected),
                typeof(IdeaProgressPosted), typeof(IdeaDisputeOpened), typeof(IdeaDisputeClosed), typeof(IdeaSupportersCounted),
                typeof(CommentPosted), typeof(CommentHidden), typeof(CommentRestored), typeof(CommentEdited), typeof(CommentDeleted),
                typeof(Ideas.Merging.IdeaMerged), typeof(Ideas.Merging.IdeaMergeReceived), typeof(Ideas.Merging.IdeaUnmerged), typeof(Ideas.Merging.IdeaMergeUndone), typeof(Ideas.Merging.CoAuthorInvitationWithdrawn),
                typeof(CurrentAgreementNoted), typeof(AgreementAcceptanceNoted),
                typeof(Attachments.AttachmentUploaded), typeof(Attachments.AttachmentAttached), typeof(Attachments.AttachmentFileErased),
                typeof(Campaigns.ReviewRounds.ReviewRoundOpened), typeof(Campaigns.ReviewRounds.ReviewRoundIdeaDecided), typeof(Campaigns.ReviewRounds.ReviewRoundClosed),
                typeof(Campaigns.ReviewRounds.IdeaEnteredReviewRound)
            ]);
            // The write model is kept as an inline snapshot: a popular idea's stream grows with every tally it
            // receives, and commands on it must not replay them all.
            opts.Projections.Snapshot<Idea>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<Attachments.Attachment>(SnapshotLifecycle.Inline);
            opts.Schema.For<Attachments.Attachment>().Duplicate(x => x.UploadedBy).Duplicate(x => x.Sha256);
            opts.Projections.Add<CampaignDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<Campaigns.ReviewRounds.ReviewRoundsViewProjection>(ProjectionLifecycle.Inline);
            // A rebuild reads the log in pages of this many events (Marten's default is 500).
            opts.Projections.Add<IdeaDetailsProjection>(ProjectionLifecycle.Inline, o => o.BatchSize = 5_000);
            opts.Projections.Add<IdeaTimelineProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<CommentViewProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<CurrentAgreementProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<MemberAcceptancesProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<CampaignDetails>().Duplicate(x => x.Organisation);
            // Duplicated columns so the campaign's idea list filters and sorts on plain indexed columns.
            opts.Schema.For<IdeaDetails>()
                .Duplicate(x => x.CampaignId).Duplicate(x => x.Status).Duplicate(x => x.Supporters).Duplicate(x => x.CreatedAt);
            opts.Schema.For<CommentView>().Index(x => x.IdeaId);
        });
}
