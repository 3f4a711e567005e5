namespace CoCreation.Moderation;

/// <summary>The resources of Moderation's page texts: English texts are the keys, ModerationText.fr.resx gives the French.</summary>
public sealed class ModerationText;
