namespace CoCreation.Insights;

/// <summary>The resources of Insights' page texts: English texts are the keys, InsightsText.fr.resx gives the French.</summary>
public sealed class InsightsText;
