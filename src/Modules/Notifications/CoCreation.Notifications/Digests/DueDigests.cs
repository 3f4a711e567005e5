using CoCreation.BuildingBlocks.Time;
using CoCreation.Notifications.Contracts;
using CoCreation.Notifications.Feed;
using CoCreation.Notifications.Mail;
using CoCreation.Notifications.Preferences;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Marten;

namespace CoCreation.Notifications.Digests;

/// <summary>
/// Puts together the digests whose period has ended: for each member with a daily or weekly delivery and an address,
/// the notifications of those kinds from the period that were not e-mailed, queued with the durable message that sends
/// them in one transaction. A digest's id names its member and period, so a second sweep (another node, the dev clock)
/// finds it queued and does nothing.
/// </summary>
public sealed class DueDigests(IServiceProvider services, TimeProvider clock, IOptions<MailSettings> mail, ILogger<DueDigests> logger) : IDueWork
{
    public const int Page = 500;

    public async Task<int> RunDueAsync(DateTimeOffset now, CancellationToken token)
    {
        if (!mail.Value.Enabled) return 0;
        var queued = 0;
        await using var query = services.GetRequiredService<IDocumentStore>().QuerySession();
        var last = Guid.Empty;
        while (true)
        {
            var members = await query.Query<NotificationPreferences>().Where(p => p.Email != null && p.Id.CompareTo(last) > 0)
                .OrderBy(p => p.Id).Take(Page).ToListAsync(token);
            if (members.Count == 0) return queued;
            last = members[^1].Id;
            foreach (var member in members)
            foreach (var delivery in Deliveries.Digests.Where(d => member.Deliveries.Values.Contains(d)))
                if (await Queue(member, delivery, DigestPeriod.LastEnded(delivery, now), token)) queued++;
        }
    }

    private async Task<bool> Queue(NotificationPreferences member, string delivery, DigestPeriod period, CancellationToken token)
    {
        var digestId = NotificationDigest.IdFor(member.MemberId, delivery, period.Key);
        await using var scope = services.CreateAsyncScope();
        await using var session = scope.ServiceProvider.GetRequiredService<IDocumentStore>().LightweightSession();
        if (await session.Events.FetchStreamStateAsync(digestId, token) is not null) return false;
        var kinds = NotificationKinds.All.Where(k => member.Digests(k, delivery)).ToList();
        var ids = await session.Query<NotificationView>()
            .Where(n => n.MemberId == member.MemberId && n.At >= period.From && n.At < period.Until && n.EmailedAt == null && kinds.Contains(n.Kind))
            .OrderBy(n => n.At).Select(n => n.Id).ToListAsync(token);
        if (ids.Count == 0) return false;
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        outbox.Enroll(session);
        session.Events.StartStream<NotificationDigest>(digestId,
            new NotificationDigestQueued(digestId, member.MemberId, delivery, period.Key, ids, clock.GetUtcNow()));
        await outbox.PublishAsync(new SendNotificationDigest(digestId, member.MemberId));
        try
        {
            await session.SaveChangesAsync(token);
            return true;
        }
        catch (Exception ex) when (ex is JasperFx.Events.ExistingStreamIdCollisionException or Marten.Exceptions.ExistingStreamIdCollisionException)
        {
            logger.LogDebug("Digest {DigestId} was queued by another sweep", digestId);
            return false;
        }
    }
}

/// <summary>Runs the digests' sweep on the real clock (every few minutes); the dev clock's advance runs it too, through <see cref="IDueWork"/>.</summary>
public sealed class DigestSweeper(DueDigests digests, TimeProvider clock, ILogger<DigestSweeper> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await digests.RunDueAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The digests' sweep failed; it runs again in {Every}", Every);
            }
        }
    }
}
