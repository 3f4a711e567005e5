using System.Text;
using System.Text.Json;

namespace CoCreation.EndToEndTests.Fuzz;

public sealed record FuzzFailure(ApiOperation Operation, string Principal, FuzzCase Case, int Status, string Defect, string Body);

/// <summary>Counts every response, and keeps each one that broke the rules: a 5xx, or an error that is not a problem document.</summary>
public sealed class FuzzReport
{
    private readonly List<FuzzFailure> failures = [];
    private readonly SortedDictionary<int, int> statuses = [];

    public int Requests { get; private set; }
    public int ServerErrors { get; private set; }
    public int NotProblems { get; private set; }
    public int NoResponse { get; private set; }

    /// <summary>Requests Kestrel refused before any application code ran (see <see cref="IsTransportRefusal"/>).</summary>
    public int TransportRefusals { get; private set; }

    /// <summary>
    /// The one documented exemption: a NUL decoded from a path segment ("%00") is refused by Kestrel's request parser as a bad
    /// request line, with a bodyless 400 and a closed connection, before routing or any middleware: no application code can
    /// answer it, and nothing ran. Every other refusal must be a problem response.
    /// </summary>
    private static bool IsTransportRefusal(FuzzCase fuzzCase, HttpResponseMessage response, string body, int status) =>
        status == 400 && body.Length == 0 && fuzzCase.Target.StartsWith("path.", StringComparison.Ordinal) && fuzzCase.Kind is "nul" or "nul-inside"
        && response.Headers.ConnectionClose == true;
    public IReadOnlyList<FuzzFailure> Failures => failures;

    public async Task<int> Record(ApiOperation operation, string principal, FuzzCase fuzzCase, Func<Task<HttpResponseMessage>> send)
    {
        Requests++;
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            NoResponse++;
            failures.Add(new(operation, principal, fuzzCase, 0, $"no response: {e.GetType().Name}: {e.Message}", ""));
            return 0;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status < 400) return status;
            var body = await response.Content.ReadAsStringAsync();
            if (IsTransportRefusal(fuzzCase, response, body, status))
            {
                TransportRefusals++;
                return status;
            }
            var defect = ProblemDefect(response, body, status);
            if (status >= 500) ServerErrors++;
            else if (defect is not null) NotProblems++;
            else return status;
            failures.Add(new(operation, principal, fuzzCase, status, status >= 500 ? "server error" + (defect is null ? "" : "; " + defect) : defect!,
                body.Length > 200 ? body[..200] : body));
            return status;
        }
    }

    /// <summary>What keeps an error response from being an RFC 9457 problem with type, title and status, or null.</summary>
    public static string? ProblemDefect(HttpResponseMessage response, string body, int status)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType != "application/problem+json") return $"content type {mediaType ?? "(none)"}, not application/problem+json";
        try
        {
            using var document = JsonDocument.Parse(body);
            var problem = document.RootElement;
            if (problem.ValueKind != JsonValueKind.Object) return "problem body is not a JSON object";
            var missing = new[] { "type", "title", "status" }.Where(p => !problem.TryGetProperty(p, out _)).ToList();
            if (missing.Count > 0) return $"problem without {string.Join(", ", missing)}";
            if (problem.GetProperty("type").ValueKind != JsonValueKind.String || problem.GetProperty("title").ValueKind != JsonValueKind.String)
                return "problem type or title is not a string";
            if (!problem.GetProperty("status").TryGetInt32(out var stated) || stated != status)
                return $"problem status {problem.GetProperty("status")} differs from the response's {status}";
            return null;
        }
        catch (JsonException)
        {
            return "problem body is not JSON";
        }
    }

    public string Totals(TimeSpan elapsed, int operations) =>
        $"{Requests} requests over {operations} operations in {elapsed.TotalSeconds:F0}s: {ServerErrors} with 5xx, " +
        $"{NotProblems} errors that are not problem documents, {NoResponse} without a response, " +
        $"{TransportRefusals} NUL path segments refused by Kestrel's request parser (the documented exemption). " +
        $"Statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}.";

    /// <summary>Counts by what was sent and what came back, so one line stands for each distinct failure.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        text.AppendLine("Failures by input kind (count, statuses, operations):");
        foreach (var group in failures.GroupBy(f => f.Case.Kind).OrderByDescending(g => g.Count()))
            text.AppendLine($"  {group.Key}: {group.Count()}, statuses {string.Join("/", group.Select(f => f.Status).Distinct().Order())}, " +
                $"{group.Select(f => f.Operation).Distinct().Count()} operations");
        text.AppendLine("Failures by operation:");
        foreach (var group in failures.GroupBy(f => f.Operation.ToString()).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine($"  {group.Key}: {group.Count()} ({string.Join(", ", group.GroupBy(f => f.Defect).Select(d => $"{d.Count()} {d.Key}"))})");
        return text.ToString();
    }

    /// <summary>Every failure, one line per operation, input and answer, with the principals that got it.</summary>
    public string Listing()
    {
        var text = new StringBuilder();
        var lines = failures
            .GroupBy(f => (Operation: f.Operation.ToString(), Case: f.Case.ToString(), f.Status, f.Defect))
            .OrderBy(g => g.Key.Operation, StringComparer.Ordinal).ThenBy(g => g.Key.Case, StringComparer.Ordinal);
        foreach (var line in lines)
            text.AppendLine($"{line.Key.Operation} [{line.Key.Case}] as {string.Join(", ", line.Select(f => f.Principal).Distinct())} " +
                $"-> {line.Key.Status} ({line.Key.Defect}): {line.First().Body.ReplaceLineEndings(" ")}");
        return text.ToString();
    }
}
