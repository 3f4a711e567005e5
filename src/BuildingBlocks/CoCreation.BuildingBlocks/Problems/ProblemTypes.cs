namespace CoCreation.BuildingBlocks.Problems;

public static class ProblemTypes
{
    public const string Base = "https://cocreation.dev/problems/";

    public static string For(string rule) => Base + rule;
}
