using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace CoCreation.BuildingBlocks.Auth;

/// <summary>
/// Who is asking: their member id (null when anonymous), roles and, for brand members, the organisation they act for
/// (the token's <c>org</c> claim; a brand member without one is an organisation of their own, docs/adr/0015).
/// </summary>
public sealed record Viewer(string? Id, IReadOnlySet<string> Roles, string? Organisation)
{
    public const string OrganisationClaim = "org";
    public const int MaxSubjectLength = 128;

    public static readonly Viewer Anonymous = new(null, new HashSet<string>(), null);

    public static Viewer Of(HttpContext http) => Of(http.User);

    public static Viewer Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Anonymous;
        var id = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id)) return Anonymous;
        var roles = user.FindAll("role").Concat(user.FindAll(ClaimTypes.Role)).Select(c => c.Value).ToHashSet();
        return new Viewer(id, roles, roles.Contains(Auth.Roles.Brand) ? OrganisationOf(id, user.FindFirstValue(OrganisationClaim)) : null);
    }

    /// <summary>The organisation a brand member acts for; also what a campaign recorded before organisations existed.</summary>
    public static string OrganisationOf(string memberId, string? orgClaim) =>
        string.IsNullOrWhiteSpace(orgClaim) ? $"member:{memberId}" : orgClaim.Trim();

    public bool IsAnonymous => Id is null;

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>A brand member of the organisation that runs the campaign.</summary>
    public bool RunsCampaignOf(string? organisation) => Organisation is not null && organisation is not null && Organisation == organisation;

    /// <summary>
    /// Who sees what is not public (a pending, rejected, hidden or withdrawn idea, a comment moderation took out of view):
    /// its authors, moderators, legal and the brand that runs the campaign.
    /// </summary>
    public bool SeesNonPublic(IEnumerable<string> authors, string? campaignOrganisation) =>
        Is(Auth.Roles.Moderator) || Is(Auth.Roles.Legal) || RunsCampaignOf(campaignOrganisation) || (Id is not null && authors.Contains(Id));
}
