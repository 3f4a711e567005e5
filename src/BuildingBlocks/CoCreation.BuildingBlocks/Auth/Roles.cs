namespace CoCreation.BuildingBlocks.Auth;

public static class Roles
{
    public const string Participant = "participant";
    public const string Moderator = "moderator";
    public const string Brand = "brand";
    public const string Legal = "legal";
    public const string Admin = "admin";

    public static readonly string[] All = [Participant, Moderator, Brand, Legal, Admin];
}
