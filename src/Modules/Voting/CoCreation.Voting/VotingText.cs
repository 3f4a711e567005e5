namespace CoCreation.Voting;

/// <summary>The resources of Voting's page texts: English texts are the keys, VotingText.fr.resx gives the French.</summary>
public sealed class VotingText;
