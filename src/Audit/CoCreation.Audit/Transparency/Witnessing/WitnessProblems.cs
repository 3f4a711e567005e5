using CoCreation.BuildingBlocks.Problems;

namespace CoCreation.Audit.Transparency.Witnessing;

/// <summary>400: the text is not a signed checkpoint, or no known key of this log signed it.</summary>
public sealed class CheckpointRefused(string detail)
    : DomainProblem(400, "checkpoint-refused", "Checkpoint refused", detail);

/// <summary>422: the checkpoint claims more leaves than this log's tree holds.</summary>
public sealed class CheckpointBeyondTree(long size, long treeSize)
    : DomainProblem(422, "checkpoint-beyond-tree", "Checkpoint beyond the tree",
        $"The checkpoint is of a tree of {size} leaves; this log's tree holds {treeSize}. A log that shrank was rewritten, or the note is another log's.");
