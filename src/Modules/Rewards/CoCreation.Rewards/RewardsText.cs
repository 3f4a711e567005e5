namespace CoCreation.Rewards;

/// <summary>The resources of Rewards's page texts: English texts are the keys, RewardsText.fr.resx gives the French.</summary>
public sealed class RewardsText;
