using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Ideas.Withdrawing;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.PostingProgress;

public sealed record ProgressRequest(IdeaStatus? Status, [property: Required] string? Note);

public sealed record PostProgress(Guid IdeaId, IdeaStatus? Status, string Note, string By, string? Organisation = null);

/// <summary>The brand tells members what became of an idea: the follow-up My Starbucks Idea was criticised for lacking.</summary>
public static class PostProgressHandler
{
    public static PostProgress ToCommand(ProgressRequest request, Guid ideaId, string by, string? organisation)
    {
        new Validation()
            .Require(request.Status is null or IdeaStatus.InProduction or IdeaStatus.Launched, "status", "'status' must be InProduction, Launched or null.")
            .Length(request.Note, "note", 1, 5_000)
            .ThrowIfInvalid();
        return new PostProgress(ideaId, request.Status, request.Note!.Trim(), by, organisation);
    }

    public static IdeaProgressPosted Decide(Idea idea, PostProgress command, DateTimeOffset now)
    {
        switch (command.Status)
        {
            case IdeaStatus.InProduction when idea.Status != IdeaStatus.Selected:
                throw IdeaStreams.WrongStatus(idea, "idea-not-selected", "it goes into production", IdeaStatus.Selected);
            case IdeaStatus.Launched when idea.Status != IdeaStatus.InProduction:
                throw IdeaStreams.WrongStatus(idea, "idea-not-in-production", "it is launched", IdeaStatus.InProduction);
            case null when idea.Status is IdeaStatus.Withdrawn or IdeaStatus.Hidden:
                throw new RuleViolated("idea-not-public", $"Idea {idea.Id} is {idea.Status}; progress notes go on public ideas.");
        }
        return new IdeaProgressPosted(idea.Id, idea.CampaignId, command.Status, command.Note, command.By, now);
    }

    public static async Task<(IdeaStatusResponse, OutgoingMessages)> Handle(PostProgress command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var (stream, idea) = await IdeaStreams.Load(session, command.IdeaId, token);
        await IdeaStreams.EnsureRunBy(session, idea, command.Organisation, token);
        var posted = Decide(idea, command, clock.GetUtcNow());
        stream.AppendOne(posted);
        var status = command.Status ?? idea.Status;
        return (new IdeaStatusResponse(idea.Id, status),
            command.Status is null ? [] : [IdeaStreams.StatusChanged(idea, status, command.Note, command.By, posted.PostedAt)]);
    }
}
