namespace CoCreation.BuildingBlocks.Ui;

/// <summary>
/// The named places of a page that other modules fill (docs/adr/0017). The idea page is Ideation's; its support bar is
/// Voting's, registered for <see cref="IdeaSupport"/>, so neither module references the other's components.
/// </summary>
public static class UiSlots
{
    /// <summary>Beside an idea's details: its support bar and vote button. Parameter: IdeaId (Guid).</summary>
    public const string IdeaSupport = "idea.support";

    /// <summary>Below an idea's details: what members may do about it besides supporting (flag it). Parameter: IdeaId (Guid).</summary>
    public const string IdeaActions = "idea.actions";

    /// <summary>In the page header beside a signed-in member's name (the notifications bell). Parameter: MemberId (string).</summary>
    public const string ShellMember = "shell.member";

    /// <summary>The sections of a member's own page (/me), one per module. Parameter: MemberId (string).</summary>
    public const string MySections = "me.sections";

    /// <summary>Beside an idea's authors: who contributed what and who owns which share (IntellectualProperty). Parameter: IdeaId (Guid).</summary>
    public const string IdeaContributors = "idea.contributors";

    /// <summary>On the brand page, under each idea the brand reviews: the other modules' facts and forms for it (Voting's score,
    /// Rewards' sales reports). Parameters: IdeaId (Guid), CampaignId (Guid).</summary>
    public const string BrandIdea = "brand.idea";

    /// <summary>On the brand page, under the organisation's name: other modules' pages about the whole organisation (its webhooks).
    /// Parameter: Organisation (string).</summary>
    public const string BrandOrganisation = "brand.organisation";

    /// <summary>On the brand page, beside each campaign's actions: other modules' links about the campaign (Insights' figures).
    /// Parameter: CampaignId (Guid).</summary>
    public const string BrandCampaign = "brand.campaign";

    /// <summary>On the brand page, each campaign's downloads: every module's export of its own part, as inline links
    /// (<see cref="ExportLinks"/>). Parameter: CampaignId (Guid).</summary>
    public const string BrandCampaignExports = "brand.campaign.exports";

    /// <summary>On the campaign page, its open data: every module's public export, as inline links (<see cref="ExportLinks"/>
    /// with <c>Base</c> /api/campaigns/{id}/open-data/{kind}). Parameter: CampaignId (Guid).</summary>
    public const string CampaignOpenData = "campaign.open-data";

    /// <summary>On the public campaign page, below the brief: other modules' public sections about the campaign (Rewards' donation
    /// pledge). Shown only for a campaign that is not a draft. Parameter: CampaignId (Guid).</summary>
    public const string CampaignSections = "campaign.sections";

    /// <summary>The sections of the legal page (/legal) besides IntellectualProperty's own: the audit chain's status. No parameters.</summary>
    public const string LegalSections = "legal.sections";

    /// <summary>An idea named by a link to its page, for modules that know the idea only by its id (Ideation fills it, naming
    /// the idea by its title when the reader may see it). Parameter: IdeaId (Guid).</summary>
    public const string IdeaLink = "idea.link";

    /// <summary>The sections of an admin's page about one member (/admin/members/{userId}), one per module. Parameter: MemberId (string).</summary>
    public const string AdminMemberSections = "admin.member";

    /// <summary>The replay page's "campaign at an instant": each module's part of the state (Ideation's ideas, Rewards' leaderboard).
    /// Parameters: CampaignId (Guid), At (DateTimeOffset).</summary>
    public const string CampaignStateAt = "campaign.state";
}

/// <summary>A module's component shown in a slot, in Order among the others there.</summary>
public sealed record SlotContribution(string Slot, Type Component, int Order = 0);

/// <summary>An assembly whose routable pages the host's shell serves.</summary>
public sealed record UiAssembly(System.Reflection.Assembly Assembly);
