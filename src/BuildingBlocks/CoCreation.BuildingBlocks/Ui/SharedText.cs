namespace CoCreation.BuildingBlocks.Ui;

/// <summary>The resources of the texts BuildingBlocks' own components say (SharedText.fr.resx).</summary>
public sealed class SharedText;
