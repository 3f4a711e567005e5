using CoCreation.BuildingBlocks.Modules;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Campaigns.GettingDetails;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Ideation.Ideas.GettingDetails;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.Ideation;

public static class IdeationModule
{
    public const string Schema = "ideation";

    public static IServiceCollection AddIdeationModule(this IServiceCollection services) =>
        services.AddModule<IdeationEndpoints>(Schema, opts =>
        {
            opts.Events.AddEventTypes([
                typeof(CampaignCreated), typeof(CampaignOpened), typeof(CampaignClosed),
                typeof(IdeaSubmitted), typeof(IdeaPublished), typeof(IdeaRejected), typeof(IdeaSupportersCounted),
                typeof(CommentPosted)
            ]);
            opts.Projections.Add<CampaignDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<IdeaDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<CommentViewProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<CampaignDetails>().DatabaseSchemaName(Schema);
            opts.Schema.For<IdeaDetails>().DatabaseSchemaName(Schema)
                .Index(x => x.CampaignId).Index(x => x.Supporters).Index(x => x.CreatedAt);
            opts.Schema.For<CommentView>().DatabaseSchemaName(Schema).Index(x => x.IdeaId);
        });
}
