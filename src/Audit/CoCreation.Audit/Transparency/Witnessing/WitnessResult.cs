namespace CoCreation.Audit.Transparency.Witnessing;

/// <summary>
/// What checking a saved signed checkpoint against the current log found. Roots in lowercase hex. FirstDifferingSeq is
/// the first sequence whose row no longer gives the leaf the tree was built from (changed, removed or inserted); when
/// only the stored subtrees betray a rewrite, the first sequence of the smallest stored subtree that no longer folds.
/// </summary>
public sealed record WitnessResult(bool Valid, long TreeSize, string SignedRoot, string CurrentRoot, long? FirstDifferingSeq, string? Problem);
