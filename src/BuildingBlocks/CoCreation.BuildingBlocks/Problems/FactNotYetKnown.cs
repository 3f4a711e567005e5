namespace CoCreation.BuildingBlocks.Problems;

/// <summary>
/// A handler needs a fact another module has published but that has not reached this module yet
/// (messages to different modules' queues are not ordered among themselves). Retried later, never answered.
/// </summary>
public sealed class FactNotYetKnown(string detail) : Exception(detail);
