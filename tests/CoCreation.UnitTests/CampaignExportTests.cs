using System.Text;
using System.Text.Json;
using CoCreation.BuildingBlocks.Http.Exports;
using CsvHelper;
using Microsoft.AspNetCore.Http;

namespace CoCreation.UnitTests;

[CsvRecord]
public sealed partial record ExportTestRow(int Number, string Text);

/// <summary>The export stream: one header, every row once across its pages, formulas escaped, the same rows as JSON.</summary>
public class CampaignExportTests
{
    private static async IAsyncEnumerable<ExportTestRow> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0) await Task.Yield();
            yield return new ExportTestRow(i, i == 7 ? "=HYPERLINK(\"http://evil\")" : $"row {i}, with a comma");
        }
    }

    private static async Task<(string Body, HttpResponse Response)> Run(string format, int count)
    {
        var http = new DefaultHttpContext();
        var body = new MemoryStream();
        http.Response.Body = body;
        await CampaignExport.Of("campaign-x-test", format, Rows(count)).ExecuteAsync(http);
        return (Encoding.UTF8.GetString(body.ToArray()), http.Response);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_234)]
    public async Task Csv_has_one_header_and_every_row_once_across_pages(int count)
    {
        var (body, response) = await Run("csv", count);
        var lines = body.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries).ToList();

        Assert.Equal("Number,Text", lines[0]);
        Assert.Equal(count, lines.Count - 1);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString()), lines.Skip(1).Select(l => l.Split(',')[0]));
        Assert.StartsWith("text/csv", response.ContentType);
        Assert.Equal("attachment; filename=\"campaign-x-test.csv\"", response.Headers.ContentDisposition.ToString());
        if (count > 7) Assert.DoesNotContain(lines, l => l.Split(',', 2)[1].TrimStart('"').StartsWith('='));
    }

    [Fact]
    public async Task Json_is_an_array_of_the_same_rows()
    {
        var (body, response) = await Run("json", 1_234);
        var rows = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1_234, rows.GetArrayLength());
        Assert.Equal(1_233, rows[1_233].GetProperty("number").GetInt32());
        Assert.Equal("=HYPERLINK(\"http://evil\")", rows[7].GetProperty("text").GetString());
        Assert.StartsWith("application/json", response.ContentType);
    }
}
