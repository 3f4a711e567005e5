namespace CoCreation.IntellectualProperty;

/// <summary>The resources of IntellectualProperty's page texts: English texts are the keys, IntellectualPropertyText.fr.resx gives the French.</summary>
public sealed class IntellectualPropertyText;
