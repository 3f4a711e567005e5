using System.Text.Json;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Audit.Transparency.Witnessing;

/// <summary>A saved note sent as JSON instead of text/plain.</summary>
public sealed record CheckpointToVerify(string? Note);

public static class WitnessEndpoints
{
    /// <summary>A signed checkpoint is a few hundred bytes; anything far larger is not one.</summary>
    private const int MaxNoteBytes = 64 * 1024;

    /// <summary>
    /// POST /api/audit/verify-checkpoint: the checkpoint is public, but checking it scans the whole log, so it is for
    /// legal and admin (as GET /api/audit/verify); an outside witness runs <c>audit verify --checkpoint</c> against a
    /// copy, or asks the platform's legal team.
    /// </summary>
    public static void MapWitnessing(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/audit/verify-checkpoint", async (HttpContext http, CancellationToken token) =>
            {
                var witness = http.RequestServices.GetService<CheckpointWitness>() ?? throw new NotFound("checkpoint key", "current");
                return await witness.Check(await Note(http.Request, token), token);
            })
            .WithTags("Audit")
            .RequireAuthorization(p => p.RequireRole(Roles.Legal, Roles.Admin))
            // One Accepts: a second would replace the first, and routing answers 415 to the media types it leaves out.
            .Accepts<string>("text/plain", "application/json")
            .Produces<WitnessResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Check that the current log still folds to a saved signed checkpoint, naming the first differing event");

    private static async Task<string> Note(HttpRequest request, CancellationToken token)
    {
        if (request.ContentLength > MaxNoteBytes) throw new CheckpointRefused($"A checkpoint note is at most {MaxNoteBytes} bytes.");
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxNoteBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), token);
        if (read > MaxNoteBytes) throw new CheckpointRefused($"A checkpoint note is at most {MaxNoteBytes} bytes.");
        var body = new string(buffer, 0, read);
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true) return body;
        try { return JsonSerializer.Deserialize<CheckpointToVerify>(body, JsonSerializerOptions.Web)?.Note ?? throw new CheckpointRefused("The JSON body has no 'note'."); }
        catch (JsonException) { throw new CheckpointRefused("The body is not JSON of the form {\"note\": \"...\"}."); }
    }
}
