using Npgsql;

namespace CoCreation.Host.Dev;

/// <summary>Whether the modules' durable local queues have handled everything waiting in them (Wolverine's incoming envelopes).</summary>
public static class MessageQueues
{
    public static async Task<bool> Settle(NpgsqlDataSource database, TimeSpan patience, CancellationToken token)
    {
        var deadline = DateTime.UtcNow + patience;
        var quietChecks = 0;
        while (DateTime.UtcNow < deadline)
        {
            await using var command = database.CreateCommand(
                $"select (select count(*) from {Infrastructure.EventStoreSetup.MessagingSchema}.wolverine_incoming_envelopes where status = 'Incoming') " +
                $"+ (select count(*) from {Infrastructure.EventStoreSetup.MessagingSchema}.wolverine_outgoing_envelopes)");
            var waiting = (long)(await command.ExecuteScalarAsync(token))!;
            // Twice quiet in a row: a handler that just finished may still be publishing what it caused.
            quietChecks = waiting == 0 ? quietChecks + 1 : 0;
            if (quietChecks >= 2) return true;
            await Task.Delay(50, token);
        }
        return false;
    }
}
