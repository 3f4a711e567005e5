using CoCreation.BuildingBlocks.Modules;
using CoCreation.IntellectualProperty.Seeding;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.IntellectualProperty;

public static class IntellectualPropertyModule
{
    public const string Schema = "ip";

    public static IServiceCollection AddIntellectualPropertyModule(this IServiceCollection services) =>
        services.AddSingleton(new BuildingBlocks.Ui.RefusalSentences(Pages.IpRefusals.Sentences, Module: Pages.IpRefusals.Module, Text: typeof(IntellectualPropertyText)))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.IdeaContributors, typeof(Ownership.IdeaContributors)))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.IdeaActions, typeof(Disputes.Opening.DisputeForm), Order: 20))
            .AddSingleton(new BuildingBlocks.Ui.SlotContribution(BuildingBlocks.Ui.UiSlots.MySections, typeof(Ownership.MySplitsSection), Order: 25))
            .AddSingleton(IntellectualPropertyPersonalData.Declaration)
            .AddIntellectualPropertyDemoSeed()
            .AddModule<IntellectualPropertyEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([typeof(ContributionRecorded), typeof(AgreementPublished), typeof(AgreementAccepted),
                typeof(IdeaAuthorsNoted), typeof(OwnershipProposed), typeof(OwnershipConfirmed), typeof(OwnershipSettled), typeof(LicenceGranted),
                typeof(DisputeOpened), typeof(DisputeResolved), typeof(Ideas.IdeaVisibilityNoted), typeof(Campaigns.CampaignOrganisationNoted)]);
            opts.Projections.Add<Campaigns.CampaignOrganisationProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Snapshot<Dispute>(SnapshotLifecycle.Inline);
            opts.Schema.For<Dispute>().Index(x => x.IdeaId);
            opts.Projections.Snapshot<Provenance>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<AgreementRegistry>(SnapshotLifecycle.Inline);
            opts.Projections.Snapshot<MemberAgreements>(SnapshotLifecycle.Inline);
            opts.Schema.For<Provenance>().Index(x => x.IdeaId);
        });
}
