using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.Ideation.Agreements;
using CoCreation.Ideation.Attachments;
using CoCreation.Ideation.Campaigns;
using CoCreation.Ideation.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.Ideation.Ideas.Submitting;

/// <summary>Attachments: the ids of files the authors uploaded (POST /api/campaigns/{id}/attachments), in gallery order.</summary>
public sealed record IdeaRequest([property: Required] string? Title, [property: Required] string? Description, List<string>? Tags, List<Guid>? Attachments = null);

public sealed record SubmitIdea(Guid IdeaId, Guid CampaignId, string Title, string Description, IReadOnlyList<string> Tags, string By,
    IReadOnlyList<Guid>? Attachments = null);

public sealed record SubmitIdeaWithFiles(SubmitIdea Idea, IReadOnlyList<NewFile> Files);

public sealed record IdeaSubmittedResponse(Guid Id, IdeaStatus Status, int Revision = 1);

public static class SubmitIdeaHandler
{
    public const int MaxTags = 10;
    public const int MaxTagLength = 30;

    /// <summary>Validated, trimmed content; user text is kept as plain text (clients escape it when rendering).</summary>
    public static (string Title, string Description, IReadOnlyList<string> Tags) ValidContent(IdeaRequest request)
    {
        var tags = (request.Tags ?? []).Select(t => t?.Trim() ?? "").ToList();
        var attachments = request.Attachments ?? [];
        new Validation()
            .Require(attachments.Count <= Campaigns.AttachmentRules.MaxFilesCeiling, "attachments", $"At most {Campaigns.AttachmentRules.MaxFilesCeiling} attachments.")
            .Require(attachments.Distinct().Count() == attachments.Count && !attachments.Contains(Guid.Empty), "attachments", "Each attachment is listed once, by the id its upload gave.")
            .Length(request.Title, "title", 5, 120)
            .Length(request.Description, "description", 1, 20_000)
            .Require(tags.Count <= MaxTags, "tags", $"At most {MaxTags} tags.")
            .Require(tags.All(t => t.Length is > 0 and <= MaxTagLength), "tags", $"Each tag must be 1 to {MaxTagLength} characters.")
            .ThrowIfInvalid();
        return (request.Title!.Trim(), request.Description!.Trim(), tags.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    public static SubmitIdea ToCommand(IdeaRequest request, Guid ideaId, Guid campaignId, string by)
    {
        var (title, description, tags) = ValidContent(request);
        return new SubmitIdea(ideaId, campaignId, title, description, tags, by, request.Attachments ?? []);
    }

    /// <param name="submittedBefore">The member's submissions to the campaign so far (counted only when it has a cap).</param>
    public static IdeaSubmitted Decide(Campaign campaign, string? missingAgreement, SubmitIdea command, DateTimeOffset now, int submittedBefore = 0,
        IReadOnlyDictionary<Guid, Attachment>? files = null)
    {
        if (campaign.Status != CampaignStatus.Open)
            throw new RuleViolated("campaign-not-open", $"Campaign {campaign.Id} is {campaign.Status}; ideas can be submitted only while it is Open.");
        if (campaign.Rules.Phases?.SubmissionsUntil is { } until && now >= until)
            throw new RuleViolated("submissions-closed", $"Campaign {campaign.Id} took submissions until {until:O}; its voting goes on.");
        if (missingAgreement is not null)
            throw new RuleViolated("agreement-not-accepted",
                $"Accept the current contribution agreement (version '{missingAgreement}') before submitting: POST /api/ip/agreements/{missingAgreement}/acceptances.");
        if (campaign.Rules.Submissions?.PerMember is { } cap && submittedBefore >= cap)
            throw new RuleViolated("submission-cap-reached",
                $"Campaign {campaign.Id} takes at most {cap} submission{(cap == 1 ? "" : "s")} per member, and you have made {submittedBefore}; withdrawn ideas count.");
        var attachments = AttachmentChoice.Decide(command.Attachments ?? [], files ?? new Dictionary<Guid, Attachment>(), campaign, command.IdeaId, [command.By]);
        return new IdeaSubmitted(command.IdeaId, campaign.Id, command.Title, command.Description, command.Tags, command.By, now, attachments);
    }

    public static Task<(IdeaSubmittedResponse, OutgoingMessages)> Handle(SubmitIdea command, IDocumentSession session, TimeProvider clock, CancellationToken token) =>
        Submit(command, [], null, session, clock, token);

    /// <summary>The idea form's post with its files: uploads and submission are one transaction.</summary>
    public static async Task<(IdeaSubmittedResponse, OutgoingMessages)> Handle(SubmitIdeaWithFiles command, IDocumentSession session, CoCreation.BuildingBlocks.Blobs.IBlobStore blobs,
        TimeProvider clock, CancellationToken token)
    {
        var campaign = await session.Events.AggregateStreamAsync<Campaign>(command.Idea.CampaignId, token: token)
                       ?? throw new NotFound("campaign", command.Idea.CampaignId);
        var uploaded = command.Files.Count == 0 ? [] : await UploadAttachmentHandler.StoreAll(blobs, campaign, command.Files, command.Idea.By, clock.GetUtcNow(), token);
        return await Submit(command.Idea with { Attachments = [.. command.Idea.Attachments ?? [], .. uploaded.Select(u => u.AttachmentId)] }, uploaded, campaign, session, clock, token);
    }

    private static async Task<(IdeaSubmittedResponse, OutgoingMessages)> Submit(SubmitIdea command, IReadOnlyList<AttachmentUploaded> uploadedNow, Campaign? known,
        IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var campaign = known ?? await session.Events.AggregateStreamAsync<Campaign>(command.CampaignId, token: token)
                       ?? throw new NotFound("campaign", command.CampaignId);
        var missing = campaign.Status == CampaignStatus.Open ? await AgreementCheck.MissingAcceptance(session, command.By, token) : null;
        var counter = campaign.Rules.Submissions?.PerMember is null ? null
            : await session.Events.FetchForWriting<MemberSubmissions>(MemberSubmissions.StreamIdFor(campaign.Id, command.By), token);
        var files = await AttachmentChoice.Load(session, command.Attachments ?? [], token, uploadedNow);
        var submitted = Decide(campaign, missing, command, clock.GetUtcNow(), counter?.Aggregate?.Count ?? 0, files);
        session.Events.StartStream<Idea>(command.IdeaId, submitted);
        AttachmentChoice.Attach(session, files, submitted.Attachments ?? [], submitted.IdeaId, 1, submitted.SubmittedAt, uploadedNow);
        counter?.AppendOne(new MemberSubmissionCounted(campaign.Id, command.By, command.IdeaId, (counter.Aggregate?.Count ?? 0) + 1, submitted.SubmittedAt));
        var message = new IdeaSubmittedIntegrationEvent(submitted.IdeaId, submitted.CampaignId, 1, submitted.SubmittedBy,
            [submitted.SubmittedBy], submitted.Title, submitted.Description, submitted.Tags, submitted.SubmittedAt, submitted.Attachments);
        return (new IdeaSubmittedResponse(command.IdeaId, IdeaStatus.Submitted), [message]);
    }
}
