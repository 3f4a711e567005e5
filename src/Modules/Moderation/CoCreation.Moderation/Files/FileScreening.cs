using CoCreation.Ideation.Contracts;
using CoCreation.Moderation.Queue;

namespace CoCreation.Moderation.Files;

/// <summary>What screening finds in a revision's files: a hash on the block list, a type or a size the platform does not take.</summary>
public static class FileScreening
{
    public static readonly IReadOnlyList<string> AcceptedTypes = ["image/png", "image/jpeg", "image/webp", "application/pdf", "model/stl", "model/3mf"];
    public const long MaxBytes = 25L * 1024 * 1024;

    public static IReadOnlyList<ScreeningFinding> Screen(IReadOnlyList<IdeaAttachment> files, IReadOnlySet<string> blocked)
    {
        var findings = new List<ScreeningFinding>();
        foreach (var file in files)
        {
            if (blocked.Contains(file.Sha256) || blocked.Contains(file.OriginalSha256))
                findings.Add(new ScreeningFinding("blocked-file", $"File {file.Sha256} is on the block list of refused files."));
            if (!AcceptedTypes.Contains(file.ContentType))
                findings.Add(new ScreeningFinding("file-type", $"File {file.Sha256} is {file.ContentType}, a type the platform does not take."));
            if (file.Size > MaxBytes)
                findings.Add(new ScreeningFinding("file-size", $"File {file.Sha256} is {file.Size:N0} bytes, over the platform's {MaxBytes:N0}."));
        }
        return findings;
    }

    /// <summary>A refused file is rejected without waiting for a moderator, as clear-cut spam is.</summary>
    public static bool ClearCut(IReadOnlyList<ScreeningFinding> findings) => findings.Any(f => f.Kind == "blocked-file");
}
