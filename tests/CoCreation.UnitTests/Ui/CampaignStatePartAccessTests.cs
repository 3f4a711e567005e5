using System.Runtime.CompilerServices;
using System.Security.Claims;
using Bunit;
using CoCreation.BuildingBlocks.Auth;
using CoCreation.BuildingBlocks.TimeTravel;
using CoCreation.Rewards.Ledgers;
using CoCreation.Rewards.Ledgers.Leaderboards.AtAnInstant;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoCreation.UnitTests.Ui;

/// <summary>
/// A part of a campaign's state at an instant asks, itself, whether the viewer may see the campaign's past: placed anywhere
/// but behind the replay page's check, it shows nothing to a viewer the audit would not show it to, and reads nothing.
/// </summary>
public sealed class CampaignStatePartAccessTests : BunitContext
{
    private static readonly Guid Campaign = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private sealed class Access(params string[] allowed) : ICampaignHistoryAccess
    {
        public List<(string? Viewer, Guid Campaign)> Asked { get; } = [];

        public Task<bool> MayRead(Viewer viewer, Guid campaignId, CancellationToken token)
        {
            Asked.Add((viewer.Id, campaignId));
            return Task.FromResult(viewer.Id is not null && allowed.Contains(viewer.Id));
        }
    }

    /// <summary>The log holds one grant of points in the campaign; it counts how often a part reads it.</summary>
    private sealed class Log : IEventLogAt
    {
        public int Reads { get; private set; }

        public Task<IReadOnlyDictionary<Guid, long>> VersionsAt(IReadOnlyCollection<Guid> streams, DateTimeOffset at, CancellationToken token) =>
            throw new NotSupportedException();

        public async IAsyncEnumerable<TEvent> EventsOf<TEvent>(Guid campaignId, DateTimeOffset at, [EnumeratorCancellation] CancellationToken token) where TEvent : class
        {
            Reads++;
            await Task.Yield();
            if (campaignId == Campaign && typeof(TEvent) == typeof(PointsGranted))
                yield return (TEvent)(object)new PointsGranted(Guid.NewGuid(), "ada", Campaign, 40, "idea-published", "cause", Now.AddDays(-1));
        }

        public Task<IReadOnlyDictionary<Guid, T>> AggregatesAt<T>(IReadOnlyCollection<Guid> streams, DateTimeOffset at, CancellationToken token) where T : class =>
            throw new NotSupportedException();
    }

    private (Access Access, Log Log) Register(params string[] allowed)
    {
        var access = new Access(allowed);
        var log = new Log();
        Services.AddLocalization();
        Services.AddSingleton<ICampaignHistoryAccess>(access);
        Services.AddSingleton<IEventLogAt>(log);
        Services.AddSingleton<LeaderboardAtInstant>();
        return (access, log);
    }

    private IRenderedComponent<CascadingValue<HttpContext>> RenderFor(string viewer, string role)
    {
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", viewer), new Claim("role", role)], "test"))
        };
        return Render<CascadingValue<HttpContext>>(p => p
            .Add(c => c.Value, http)
            .AddChildContent<LeaderboardAtInstantSection>(s => s.Add(x => x.CampaignId, Campaign).Add(x => x.At, Now)));
    }

    [Fact]
    public void The_leaderboard_at_an_instant_shows_nothing_and_reads_nothing_for_a_viewer_who_may_not_see_the_campaigns_past()
    {
        var (access, log) = Register(allowed: "legal-1");

        var rendered = RenderFor("ada", Roles.Participant);

        rendered.WaitForAssertion(() => Assert.Single(access.Asked));
        Assert.Empty(rendered.Markup.Trim());
        Assert.Equal(0, log.Reads);
        Assert.Equal([("ada", Campaign)], access.Asked);
    }

    [Fact]
    public void The_leaderboard_at_an_instant_shows_the_points_to_a_viewer_who_may_see_the_campaigns_past()
    {
        var (access, log) = Register(allowed: "legal-1");

        var rendered = RenderFor("legal-1", Roles.Legal);

        Assert.Contains("ada", rendered.WaitForElement("[data-testid=leaderboard-at] li").TextContent);
        Assert.Equal(1, log.Reads);
        Assert.Equal([("legal-1", Campaign)], access.Asked);
    }
}
