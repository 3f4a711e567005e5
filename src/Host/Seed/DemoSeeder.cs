using Bogus;
using CoCreation.BuildingBlocks.Http;
using CoCreation.Ideation.Campaigns.Creating;
using CoCreation.Ideation.Campaigns.Opening;
using CoCreation.Ideation.Ideas;
using CoCreation.Ideation.Ideas.CoAuthoring;
using CoCreation.Ideation.Ideas.Commenting;
using CoCreation.Ideation.Ideas.Deciding;
using CoCreation.Ideation.Ideas.GettingDetails;
using CoCreation.Ideation.Ideas.PostingProgress;
using CoCreation.Ideation.Ideas.Withdrawing;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Contributions;
using CoCreation.IntellectualProperty.Disputes.Opening;
using CoCreation.IntellectualProperty.Ownership.Confirming;
using CoCreation.IntellectualProperty.Ownership.Proposing;
using CoCreation.IntellectualProperty.Agreements.Accepting;
using CoCreation.IntellectualProperty.Agreements.Publishing;
using CoCreation.Ideation.Ideas.Submitting;
using CoCreation.Moderation.Appeals;
using CoCreation.Moderation.Contracts;
using CoCreation.Moderation.Flags;
using CoCreation.Moderation.Queue;
using CoCreation.Moderation.Subjects;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Moderation.Queue.GettingQueue;
using CoCreation.Voting.Ballots;
using CoCreation.Voting.Ballots.Casting;
using CoCreation.Voting.Ballots.Retracting;
using CoCreation.Rewards.Ideas;
using CoCreation.Rewards.Sales;
using Marten;
using Wolverine;

namespace CoCreation.Host.Seed;

/// <summary>Marks a database as seeded, so the seed runs once.</summary>
public sealed record DemoSeedMarker(string Id, DateTimeOffset SeededAt);

/// <summary>
/// Seeds a realistic demo campaign through the modules' own commands and messages (so every fact
/// is a real event with metadata): members, ideas in several statuses, skewed votes, comments.
/// </summary>
public sealed class DemoSeeder(IServiceProvider services, IDocumentStore store, ILogger<DemoSeeder> logger)
{
    public const string MarkerId = "demo-seed-v1";
    public const string Brand = "brand-nordlys";
    public const string Organisation = "nordlys";
    public const string Moderator = "moderator-demo";
    public const string Legal = "legal-nordlys";
    public const string CampaignTitle = "Nordlys Bricks: your set in the 2027 catalogue";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] Themes =
    [
        "lighthouse with a working lamp", "fjord ferry and harbour", "northern lights observatory", "reindeer sled workshop",
        "modular Viking longhouse", "wind farm maintenance crew", "arctic research station", "floating sauna",
        "stave church", "fishing village market", "ice hotel", "mountain rescue hut", "salmon smokehouse",
        "coastal tram line", "polar bear rescue centre", "midnight sun campsite"
    ];

    private static Faker NewFaker() => new() { Random = new Randomizer(20261124) };

    private static List<string> MembersFrom(Faker faker) => Enumerable.Range(0, 40)
        .Select(i => $"{faker.Name.FirstName().ToLowerInvariant()}.{faker.Name.LastName().ToLowerInvariant()}{i}")
        .Select(n => new string(n.Where(c => char.IsAsciiLetterOrDigit(c) || c == '.').ToArray()))
        .ToList();

    /// <summary>The demo's members, as the seed names them (the same seed, the same names), for the dev sign-in page.</summary>
    public static IReadOnlyList<string> Members() => MembersFrom(NewFaker());

    public async Task<bool> SeedAsync(CancellationToken token)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<DemoSeedMarker>(MarkerId, token) is not null)
            {
                logger.LogInformation("Demo data already present; nothing seeded.");
                return false;
            }
        }
        logger.LogInformation("Seeding the demo campaign...");
        var faker = NewFaker();
        var members = MembersFrom(faker);

        await AcceptAgreement(members, token);

        var campaign = await Send<CampaignCreatedResponse>(Brand, CreateCampaignRules.ToCommand(new CreateCampaignRequest(
            CampaignTitle,
            "Design a set for our Nordic-life theme. Sets that reach 100 supporters in 60 days move up the ladder; " +
            "at 10,000 supporters our designers review them. Selected designers receive 1% of net sales.",
            null, null, null, new RewardsRequest(10, 1, 25, 100, new PrizeRequest(2500m, "EUR"), 1m)), Guid.CreateVersion7(), Brand, Organisation), token);
        await Send<CampaignStatusResponse>(Brand, new OpenCampaign(campaign.Id, Brand, Organisation), token);

        var ideas = new List<(Guid Id, string Author)>();
        foreach (var theme in Themes)
        {
            var author = faker.PickRandom(members);
            var title = $"{faker.Commerce.ProductAdjective()} {theme}";
            var description = $"A {theme} in about {faker.Random.Int(400, 2500)} pieces. {faker.Rant.Review(theme)}";
            var tags = faker.Random.ListItems(["nordic", "winter", "sea", "modular", "vehicles", "buildings", "nature", "lights"], 2).ToList();
            var submitted = await Send<IdeaSubmittedResponse>(author,
                SubmitIdeaHandler.ToCommand(new IdeaRequest(title, description, tags), Guid.CreateVersion7(), campaign.Id, author), token);
            ideas.Add((submitted.Id, author));
        }

        var coAuthors = new Dictionary<Guid, string>();
        // Two collaborative projects: the author invites, the collaborator accepts (LEGO Ideas' explicit permission).
        var listed = members.Take(3).ToList();
        foreach (var (ideaId, author) in ideas.Take(2))
        {
            // The second collaboration's co-author is one of the members the dev sign-in lists, so a demo visitor meets it.
            var coAuthor = coAuthors.Count == 1 && listed.FirstOrDefault(m => m != author) is { } visible
                ? visible : faker.PickRandom(members.Where(m => m != author));
            await Send<CoAuthorshipResponse>(author, new InviteCoAuthor(ideaId, coAuthor, author), token);
            await Send<CoAuthorshipResponse>(coAuthor, new AcceptCoAuthorship(ideaId, coAuthor), token);
            coAuthors[ideaId] = coAuthor;
        }
        // An invitation still waiting for a listed member's answer.
        var (invitingIdea, inviter) = ideas[2];
        await Send<CoAuthorshipResponse>(inviter, new InviteCoAuthor(invitingIdea, listed.First(m => m != inviter), inviter), token);

        var items = await QueueItemsFor(ideas.Select(i => i.Id).ToArray(), token);

        // Most ideas pass moderation, two are rejected, two still wait in the queue.
        var published = new List<(Guid Id, string Author)>();
        for (var i = 0; i < ideas.Count; i++)
        {
            var item = items.Single(e => e.SubjectId == ideas[i].Id);
            if (i >= ideas.Count - 2) continue;
            var request = i < ideas.Count - 4
                ? new DecisionRequest(ModerationDecision.Approve, null, "Clear, original and on brief.")
                : new DecisionRequest(ModerationDecision.Reject, i % 2 == 0 ? "off-topic" : "duplicate", "Thanks! This does not fit the brief.");
            await Send<ModerationDecisionResponse>(Moderator, DecideModerationItemHandler.ToCommand(request, item.Id, Moderator), token);
            if (request.Decision == ModerationDecision.Approve) published.Add(ideas[i]);
        }

        await BallotsOpenFor(published.Select(p => p.Id).ToArray(), token);

        // Support follows a skew: a few ideas gather many supporters, most gather few.
        var lastVoter = "";
        for (var rank = 0; rank < published.Count; rank++)
        {
            var (ideaId, author) = published[rank];
            var supporters = (int)Math.Round(members.Count * 0.8 * Math.Pow(0.62, rank));
            foreach (var voter in faker.Random.Shuffle(members.Where(m => m != author && m != coAuthors.GetValueOrDefault(ideaId))).Take(supporters))
            {
                await Send<VoteCastResponse>(voter, new CastVote(ideaId, Guid.CreateVersion7(), voter, null), token);
                if (rank == 0) lastVoter = voter;
            }
        }

        // A member changes their mind, so the vote history shows a retraction too.
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IMessageContext>()
                .SendAs(lastVoter, $"demo-seed-{Guid.CreateVersion7()}", new RetractVote(published[0].Id, lastVoter), token);

        var (withdrawnId, withdrawnAuthor) = published[^1];
        await Send<IdeaStatusResponse>(withdrawnAuthor, new WithdrawIdea(withdrawnId, withdrawnAuthor), token);

        string[] remarks =
        [
            "Love the colour palette, would buy two.", "Could the roof come off so kids can play inside?",
            "The minifigure selection is spot on.", "Please keep the piece count under 1,500 so it stays affordable.",
            "This would look great next to last year's harbour set.", "Add a small boat and I'm sold!"
        ];
        for (var i = 0; i < 12; i++)
        {
            var (ideaId, _) = faker.PickRandom(published);
            var commenter = faker.PickRandom(members);
            await Send<CommentPostedResponse>(commenter,
                PostCommentHandler.ToCommand(new CommentRequest(faker.PickRandom(remarks)), Guid.CreateVersion7(), ideaId, commenter), token);
        }

        await SeedModeration(faker, members, campaign.Id, ideas, published, items, token);
        await SeedOwnershipAndDispute(faker, members, coAuthors, ideas, published, token);
        await SeedQuickFireCampaign(faker, members, token);

        await using (var session = store.LightweightSession())
        {
            session.Store(new DemoSeedMarker(MarkerId, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(token);
        }
        logger.LogInformation("Demo campaign {CampaignId} seeded: {Ideas} ideas, {Members} members.", campaign.Id, ideas.Count, members.Count);
        return true;
    }

    private async Task AcceptAgreement(List<string> members, CancellationToken token)
    {
        await using var query = store.QuerySession();
        var current = (await query.LoadAsync<AgreementRegistry>(AgreementRegistry.StreamId, token))?.Current;
        var version = current?.Version ?? (await Send<AgreementPublishedResponse>(Legal, PublishAgreementHandler.ToCommand(new AgreementRequest("2026-1",
            "By submitting an idea, design or comment to a Nordlys Bricks campaign you confirm it is your own work or that of the co-authors " +
            "you name, and you grant Nordlys Bricks a worldwide licence to evaluate, adapt and produce it if it is selected. " +
            "Selected contributors share the campaign's prize and royalties according to their confirmed ownership shares."), Legal), token)).Version;
        foreach (var member in members)
            await Send<AcceptanceResponse>(member, new AcceptAgreement(version, member), token);
    }

    /// <summary>
    /// What a moderator finds in the demo queue besides the two new ideas: a near-duplicate, an appeal, a comment
    /// screening caught and a comment the community flagged; and an idea screening rejected as spam on its own.
    /// </summary>
    private async Task SeedModeration(Faker faker, List<string> members, Guid campaignId, List<(Guid Id, string Author)> ideas,
        List<(Guid Id, string Author)> published, List<QueueEntry> items, CancellationToken token)
    {
        var copier = members.First(m => ideas.All(i => i.Author != m));
        await using (var query = store.QuerySession())
        {
            var original = await query.LoadAsync<IdeaDetails>(ideas[0].Id, token);
            await Send<IdeaSubmittedResponse>(copier, SubmitIdeaHandler.ToCommand(
                new IdeaRequest(original!.Title + " (my version)", original.Description, [.. original.Tags]), Guid.CreateVersion7(), campaignId, copier), token);
        }
        await Send<IdeaSubmittedResponse>(copier, SubmitIdeaHandler.ToCommand(new IdeaRequest("Bricks for less",
            "Cheapest bricks online: https://cheap-bricks.example/shop", ["deal"]), Guid.CreateVersion7(), campaignId, copier), token);

        var rejected = ideas[^4];
        var rejectedItem = items.Single(e => e.SubjectId == rejected.Id);
        await Send<AppealResponse>(rejected.Author, new AppealDecision(rejectedItem.Id,
            "It fits the brief: the set is a Nordic harbour scene, see the second paragraph.", rejected.Author), token);

        var target = published[0].Id;
        var rude = faker.PickRandom(members.Where(m => m != published[0].Author));
        await Send<CommentPostedResponse>(rude, PostCommentHandler.ToCommand(
            new CommentRequest("What a scam, nobody will pay that much for bricks."), Guid.CreateVersion7(), target, rude), token);
        var flagged = await Send<CommentPostedResponse>(rude, PostCommentHandler.ToCommand(
            new CommentRequest("Copied straight from another brand's catalogue, shame on you."), Guid.CreateVersion7(), target, rude), token);
        await WaitFor(async q => await q.LoadAsync<ModeratedSubject>(ModeratedSubject.StreamIdFor(flagged.Id), token), token);
        foreach (var flagger in faker.Random.Shuffle(members.Where(m => m != rude)).Take(3))
            await Send<FlagResponse>(flagger, new FlagSubject(SubjectTypes.Comment, flagged.Id, "Unfair accusation", flagger), token);
    }

    /// <summary>The two co-authored ideas get confirmed ownership splits; a rival disputes a published idea.</summary>
    private async Task SeedOwnershipAndDispute(Faker faker, List<string> members, Dictionary<Guid, string> coAuthors,
        List<(Guid Id, string Author)> ideas, List<(Guid Id, string Author)> published, CancellationToken token)
    {
        decimal[] splits = [60m, 75m];
        var index = 0;
        foreach (var (ideaId, coAuthor) in coAuthors)
        {
            var author = ideas.Single(i => i.Id == ideaId).Author;
            await WaitFor(async q => await q.LoadAsync<Provenance>(Provenance.StreamIdFor(ideaId), token) is { } p && p.CurrentAuthors.Count == 2 ? p : null, token);
            var split = splits[index++ % splits.Length];
            await Send<OwnershipResponse>(author, ProposeOwnershipHandler.ToCommand(new OwnershipRequest(
                [new ShareRequest(author, split), new ShareRequest(coAuthor, 100m - split)]), ideaId, author), token);
            await Send<OwnershipResponse>(coAuthor, new ConfirmOwnership(ideaId, coAuthor), token);
        }
        // The second collaboration's author proposes a new split: it waits for the co-author, the confirmed one holds meanwhile.
        var (revisited, revisitedCoAuthor) = coAuthors.Last();
        var revisitedAuthor = ideas.Single(i => i.Id == revisited).Author;
        await Send<OwnershipResponse>(revisitedAuthor, ProposeOwnershipHandler.ToCommand(new OwnershipRequest(
            [new ShareRequest(revisitedAuthor, 50m), new ShareRequest(revisitedCoAuthor, 50m)]), revisited, revisitedAuthor), token);
        var disputed = published[1];
        var rival = faker.PickRandom(members.Where(m => m != disputed.Author && m != coAuthors.GetValueOrDefault(disputed.Id)));
        await Send<DisputeResponse>(rival, OpenDisputeHandler.ToCommand(new DisputeRequest(
            "Prior art: I published this model on a fan forum in 2024.",
            "Forum post of 14 March 2024 with photos of the same build; archive link in the attached statement."), disputed.Id, rival), token);
    }

    /// <summary>A short ladder so the demo shows ideas that went through review, selection and production by real votes.</summary>
    private async Task SeedQuickFireCampaign(Faker faker, List<string> members, CancellationToken token)
    {
        var campaign = await Send<CampaignCreatedResponse>(Brand, CreateCampaignRules.ToCommand(new CreateCampaignRequest(
            "Quick-fire: minifigure accessories",
            "Small accessory packs. Three supporters in 30 days, then six within another 30 days sends an idea to our review board.",
            null, [new MilestoneRequest(3, 30), new MilestoneRequest(6, 30)], null, new RewardsRequest(10, 1, 25, 100, new PrizeRequest(500m, "EUR"), 2m)),
            Guid.CreateVersion7(), Brand, Organisation), token);
        await Send<CampaignStatusResponse>(Brand, new OpenCampaign(campaign.Id, Brand, Organisation), token);

        string[] packs = ["Skating gear pack", "Fishing tackle pack", "Ski patrol pack", "Market stall pack"];
        var ideas = new List<(Guid Id, string Author)>();
        foreach (var pack in packs)
        {
            var author = faker.PickRandom(members);
            var submitted = await Send<IdeaSubmittedResponse>(author, SubmitIdeaHandler.ToCommand(
                new IdeaRequest(pack, $"{pack}: {faker.Rant.Review(pack)}", ["accessories"]), Guid.CreateVersion7(), campaign.Id, author), token);
            ideas.Add((submitted.Id, author));
        }
        var items = await QueueItemsFor(ideas.Select(i => i.Id).ToArray(), token);
        foreach (var item in items)
            await Send<ModerationDecisionResponse>(Moderator, DecideModerationItemHandler.ToCommand(new DecisionRequest(ModerationDecision.Approve, null, null), item.Id, Moderator), token);
        await BallotsOpenFor(ideas.Select(p => p.Id).ToArray(), token);

        // Three packs reach the review board: one is selected and produced, one declined, one waits for the brand's decision.
        int[] supporters = [6, 6, 6, 1];
        for (var i = 0; i < ideas.Count; i++)
            foreach (var voter in faker.Random.Shuffle(members.Where(m => m != ideas[i].Author)).Take(supporters[i]))
                await Send<VoteCastResponse>(voter, new CastVote(ideas[i].Id, Guid.CreateVersion7(), voter, null), token);

        foreach (var (ideaId, _) in ideas.Take(3))
            await WaitFor(async q => (await q.LoadAsync<IdeaDetails>(ideaId, token))?.Status == IdeaStatus.UnderReview ? "review" : null, token);
        await Send<IdeaStatusResponse>(Brand, new DecideIdea(ideas[0].Id, DecisionOutcome.Selected, "Fits our winter wave perfectly.", Brand, Organisation), token);
        await Send<IdeaStatusResponse>(Brand, new PostProgress(ideas[0].Id, IdeaStatus.InProduction, "Moulds ordered; on shelves next autumn.", Brand, Organisation), token);
        await Send<IdeaStatusResponse>(Brand, new DecideIdea(ideas[1].Id, DecisionOutcome.NotSelected, "Too close to a pack we already sell; thank you!", Brand, Organisation), token);

        // The first quarter's sales: the designer's royalty, next to the prize paid at selection.
        await WaitFor(async q => (await q.LoadAsync<IdeaRewardTerms>(IdeaRewardTerms.StreamIdFor(ideas[0].Id), token)) is { Selected: true } t ? t : null, token);
        await Send<SalesResponse>(Brand, ReportSalesHandler.ToCommand(new SalesRequest("2027-Q1", 48_250.00m, "EUR"), ideas[0].Id, Brand, Organisation), token);
    }

    private Task<List<QueueEntry>> QueueItemsFor(Guid[] ideaIds, CancellationToken token) => WaitFor(async q =>
    {
        var found = await q.Query<QueueEntry>().Where(e => e.SubjectId.IsOneOf(ideaIds)).ToListAsync(token);
        return found.Count == ideaIds.Length ? found.ToList() : null;
    }, token);

    private Task<string> BallotsOpenFor(Guid[] ideaIds, CancellationToken token) => WaitFor(async q =>
    {
        var ballots = ideaIds.Select(Ballot.StreamIdFor).ToArray();
        return await q.Query<Ballot>().CountAsync(b => b.Id.IsOneOf(ballots), token) == ballots.Length ? "ready" : null;
    }, token);

    private async Task<T> Send<T>(string actor, object command, CancellationToken token)
    {
        await using var scope = services.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageContext>();
        return await bus.SendAs<T>(actor, $"demo-seed-{Guid.CreateVersion7()}", command, token);
    }

    private async Task<T> WaitFor<T>(Func<IQuerySession, Task<T?>> probe, CancellationToken token) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (true)
        {
            await using (var query = store.QuerySession())
            {
                if (await probe(query) is { } result) return result;
            }
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException("The demo seed waited too long for the modules' messages.");
            await Task.Delay(100, token);
        }
    }
}
