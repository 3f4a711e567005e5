namespace CoCreation.Ideation;

/// <summary>The resources of Ideation's page texts: English texts are the keys, IdeationText.fr.resx gives the French.</summary>
public sealed class IdeationText;
