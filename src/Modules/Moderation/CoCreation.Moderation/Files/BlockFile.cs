using System.ComponentModel.DataAnnotations;
using CoCreation.BuildingBlocks.Blobs;
using CoCreation.BuildingBlocks.Problems;
using Marten;

namespace CoCreation.Moderation.Files;

public sealed record BlockFileRequest([property: Required] string? Sha256, [property: Required] string? Reason);

public sealed record BlockFile(string Sha256, string Reason, string By);

public sealed record UnblockFile(string Sha256, string By);

public sealed record BlockedFileResponse(string Sha256, string Reason, string BlockedBy, DateTimeOffset BlockedAt);

public static class BlockFileHandler
{
    public static BlockFile ToCommand(BlockFileRequest? request, string by)
    {
        var sha = request?.Sha256?.Trim().ToLowerInvariant();
        new Validation()
            .Require(BlobKeys.IsValid(sha), "sha256", "'sha256' is the file's SHA-256: 64 hexadecimal digits.")
            .Length(request?.Reason, "reason", 1, 500)
            .ThrowIfInvalid();
        return new BlockFile(sha!, request!.Reason!.Trim(), by);
    }

    public static FileHashBlocked Decide(BlockedFile? existing, BlockFile command, DateTimeOffset now) =>
        existing is { Blocked: true }
            ? throw new RuleViolated("file-already-blocked", $"The file {command.Sha256} is already on the block list.")
            : new FileHashBlocked(BlockedFile.StreamIdFor(command.Sha256), command.Sha256, command.Reason, command.By, now);

    public static async Task<BlockedFileResponse> Handle(BlockFile command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<BlockedFile>(BlockedFile.StreamIdFor(command.Sha256), token);
        var blocked = Decide(stream.Aggregate, command, clock.GetUtcNow());
        stream.AppendOne(blocked);
        return new BlockedFileResponse(blocked.Sha256, blocked.Reason, blocked.BlockedBy, blocked.BlockedAt);
    }
}

public static class UnblockFileHandler
{
    public static async Task Handle(UnblockFile command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        if (!BlobKeys.IsValid(command.Sha256)) throw new NotFound("blocked file", command.Sha256);
        var stream = await session.Events.FetchForWriting<BlockedFile>(BlockedFile.StreamIdFor(command.Sha256), token);
        if (stream.Aggregate is not { Blocked: true }) throw new NotFound("blocked file", command.Sha256);
        stream.AppendOne(new FileHashUnblocked(stream.Id, command.Sha256, command.By, clock.GetUtcNow()));
    }
}
