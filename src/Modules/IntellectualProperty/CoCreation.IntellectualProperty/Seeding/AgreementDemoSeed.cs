using CoCreation.BuildingBlocks.Seeding;
using CoCreation.IntellectualProperty.Agreements;
using CoCreation.IntellectualProperty.Agreements.Accepting;
using CoCreation.IntellectualProperty.Agreements.Publishing;

namespace CoCreation.IntellectualProperty.Seeding;

/// <summary>The demo's first part: legal publishes the contributor agreement (unless one is current) and every member accepts it.</summary>
public sealed class AgreementDemoSeed : IDemoSeedPart
{
    public int Order => 10;

    public async Task Seed(DemoScenario scenario, CancellationToken token)
    {
        var legal = scenario.Cast.Legal;
        var current = await scenario.Query(async q => (await q.LoadAsync<AgreementRegistry>(AgreementRegistry.StreamId, token))?.Current);
        var version = current?.Version ?? (await scenario.Send<AgreementPublishedResponse>(legal, PublishAgreementHandler.ToCommand(new AgreementRequest("2026-1",
            "By submitting an idea, design or comment to a Nordlys Bricks campaign you confirm it is your own work or that of the co-authors " +
            "you name, and you grant Nordlys Bricks a worldwide licence to evaluate, adapt and produce it if it is selected. " +
            "Selected contributors share the campaign's prize and royalties according to their confirmed ownership shares."), legal), token)).Version;
        foreach (var member in scenario.Members)
            await scenario.Send<AcceptanceResponse>(member, new AcceptAgreement(version, member), token);
    }
}
