using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CoCreation.BuildingBlocks.Http.Exports;

/// <summary>
/// A campaign export streamed to the client as CSV (RFC 4180, a header row, invariant culture) or as a JSON array,
/// a page of rows at a time, so a large campaign is never held in memory. A text that a spreadsheet would read as a
/// formula (an idea titled "=HYPERLINK(...)") is escaped.
/// </summary>
public static class CampaignExport
{
    /// <summary>The formats, each a route of its own (<c>ideas.csv</c>, <c>ideas.json</c>): an export route has one parameter, the campaign.</summary>
    public static readonly IReadOnlyList<string> Formats = ["csv", "json"];

    private const int Page = 500;

    public static IResult Of<T>(string name, string format, IAsyncEnumerable<T> rows) => new Result<T>(name, format, rows);

    /// <summary>The export's success response in the OpenAPI document: the rows as JSON, or CSV text.</summary>
    public static RouteHandlerBuilder ProducesExport<T>(this RouteHandlerBuilder route, string format) => format == "json"
        ? route.Produces<IReadOnlyList<T>>(StatusCodes.Status200OK, "application/json")
        : route.Produces<string>(StatusCodes.Status200OK, "text/csv");

    private sealed class Result<T>(string name, string format, IAsyncEnumerable<T> rows) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var response = http.Response;
            var token = http.RequestAborted;
            response.Headers.ContentDisposition = $"attachment; filename=\"{name}.{format}\"";
            response.Headers.CacheControl = "no-store";
            if (format == "json")
            {
                response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(response.Body, rows, JsonSerializerOptions.Web, token);
                return;
            }
            response.ContentType = "text/csv; charset=utf-8";
            var page = new List<T>(Page);
            var header = true;
            await foreach (var row in rows.WithCancellation(token))
            {
                page.Add(row);
                if (page.Count < Page) continue;
                await response.WriteAsync(Csv(page, header), Encoding.UTF8, token);
                (header, page) = (false, new List<T>(Page));
            }
            if (page.Count > 0 || header) await response.WriteAsync(Csv(page, header), Encoding.UTF8, token);
        }

        private static string Csv(List<T> page, bool header)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape, HasHeader = header }, leaveOpen: true))
                csv.WriteRecords(page);
            return text.ToString();
        }
    }
}
