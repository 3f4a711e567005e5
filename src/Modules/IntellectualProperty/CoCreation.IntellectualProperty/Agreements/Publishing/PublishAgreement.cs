using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Problems;
using CoCreation.IntellectualProperty.Contracts;
using Marten;
using Wolverine;

namespace CoCreation.IntellectualProperty.Agreements.Publishing;

public sealed record AgreementRequest([property: Required] string? Version, [property: Required] string? Text);

public sealed record PublishAgreement(string Version, string Text, string By);

public sealed record AgreementPublishedResponse(string Version, string TextHash, DateTimeOffset PublishedAt);

public static class PublishAgreementHandler
{
    public static PublishAgreement ToCommand(AgreementRequest request, string by)
    {
        new Validation()
            .Require(request.Version is { Length: > 0 and <= 50 } v && v.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'),
                "version", "'version' is required: 1 to 50 letters, digits, '.', '-' or '_'.")
            .Length(request.Text, "text", 1, 200_000)
            .ThrowIfInvalid();
        return new PublishAgreement(request.Version!, request.Text!, by);
    }

    public static AgreementPublished Decide(AgreementRegistry? registry, PublishAgreement command, DateTimeOffset now) =>
        registry?.Versions.Any(v => v.Version == command.Version) == true
            ? throw new RuleViolated("agreement-version-exists", $"Agreement version '{command.Version}' was already published; versions are immutable.")
            : new AgreementPublished(AgreementRegistry.StreamId, command.Version, command.Text, AgreementRegistry.HashOf(command.Text), command.By, now);

    public static async Task<(AgreementPublishedResponse, OutgoingMessages)> Handle(
        PublishAgreement command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<AgreementRegistry>(AgreementRegistry.StreamId, token);
        var published = Decide(stream.Aggregate, command, clock.GetUtcNow());
        stream.AppendOne(published);
        return (new AgreementPublishedResponse(published.Version, published.TextHash, published.PublishedAt),
            [new AgreementPublishedIntegrationEvent(published.Version, published.TextHash, published.PublishedAt)]);
    }
}
