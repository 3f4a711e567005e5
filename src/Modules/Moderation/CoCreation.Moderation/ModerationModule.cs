using CoCreation.BuildingBlocks.Modules;
using CoCreation.Moderation.Seeding;
using CoCreation.Moderation.Bans;
using CoCreation.Moderation.Campaigns;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Queue.GettingQueue;
using CoCreation.Moderation.Screening;
using CoCreation.Moderation.Subjects;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Moderation;

public static class ModerationModule
{
    public const string Schema = "moderation";

    public static IServiceCollection AddModerationModule(this IServiceCollection services)
    {
        services.AddOptions<ScreeningOptions>().BindConfiguration(ScreeningOptions.Section)
            .Validate(o => o.MaxLinks >= 0 && o.DuplicateThreshold is > 0 and <= 1 && o.ShingleSize is >= 1 and <= 10,
                "CoCreation:Moderation:Screening: MaxLinks >= 0, DuplicateThreshold in (0, 1], ShingleSize 1 to 10.")
            .ValidateOnStart();
        services.AddSingleton(new BuildingBlocks.Ui.RefusalSentences(new Dictionary<string, string>
        {
            ["own-subject"] = "You wrote or co-wrote this: another moderator must decide it.",
            ["already-decided"] = "Another moderator already decided this item.",
            ["item-superseded"] = "The author submitted a newer revision: decide that one instead.",
            ["decision-final"] = "This item was decided on appeal: that decision is final.",
            ["already-flagged"] = "You already flagged this idea; a moderator will look at it.",
            ["subject-not-public"] = "This idea is not public: there is nothing to flag.",
            ["already-appealed"] = "You already appealed this decision; the decision on appeal is final.",
            ["not-appealable"] = "Only a rejection or a hiding can be appealed.",
            ["not-your-subject"] = "Only the idea’s authors may appeal its moderation.",
            ["already-banned"] = "This member is already banned.",
            ["self-ban"] = "You cannot ban yourself.",
            ["file-already-blocked"] = "This file is already on the block list."
        }, Module: "Moderation", Text: typeof(ModerationText)));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.IdeaActions, typeof(Flags.FlagButton)));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.IdeaActions, typeof(Appeals.AppealForm), Order: -10));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.BrandCampaignExports, typeof(Campaigns.Exporting.ModerationExportLinks), Order: 30));
        services.AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.AdminMemberSections, typeof(Bans.MemberModerationSection), Order: 20));
        services.AddSingleton(ModerationPersonalData.Declaration);
        services.AddModerationDemoSeed();
        return services.AddModule<ModerationEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(ModerationItemQueued), typeof(ModerationItemDecided), typeof(ModerationItemAppealed),
                typeof(SubjectRecorded), typeof(SubjectRevised), typeof(SubjectFlagged), typeof(SubjectHiddenByFlags), typeof(SubjectModerated), typeof(SubjectStatusNoted), typeof(SubjectAuthorsNoted), typeof(ModerationItemSuperseded),
                typeof(CampaignModerationRulesRecorded), typeof(MemberBanned), typeof(Files.FileHashBlocked), typeof(Files.FileHashUnblocked)]);
            opts.Projections.Snapshot<Files.BlockedFile>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<ModerationItem>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<ModeratedSubject>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<MemberBan>(SnapshotLifecycle.Inline);
            opts.Projections.Add<QueueEntryProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<CampaignModerationRulesProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<QueueEntry>().Index(x => x.WaitingSince).Index(x => x.SubjectId).Index(x => x.Author);
            opts.Schema.For<ModeratedSubject>().Index(x => x.CampaignId);
        });
    }
}
