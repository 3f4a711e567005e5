using System.Text.Json;
using CoCreation.BuildingBlocks.Problems;
using Microsoft.AspNetCore.Mvc;

namespace CoCreation.Host.Infrastructure;

/// <summary>
/// One place where what a request carries is bounded before any handler sees it: path and query values without control
/// characters and of bounded length, JSON bodies of bounded size and depth whose strings hold no control characters other
/// than tab and line breaks (PostgreSQL's jsonb refuses NUL), whose arrays hold no nulls and no more than a thousand items.
/// A refusal is one problem response naming every offending field; nothing runs, nothing is written.
/// </summary>
public static class InputGuard
{
    public const int MaxPathLength = 2_048;
    public const int MaxQueryValueLength = 2_048;
    public const long MaxBodyBytes = 1024 * 1024;
    /// <summary>A multipart body (a file upload) may be this large; the upload's own route names the campaign's limit.</summary>
    public const long MaxUploadBytes = 27L * 1024 * 1024;
    public const int MaxDepth = 32;
    public const int MaxStringLength = 100_000;
    public const int MaxArrayItems = 1_000;
    public const int MaxObjectMembers = 200;

    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!IsMultipart(http.Request.ContentType) && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = 4 * MaxBodyBytes;
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            // The pages' forms reach the same commands: their text is held to the same rule.
            if (http.Request.HasFormContentType && await FormProblem(http) is { } field)
            {
                await Problem(http, 400, "validation", "A field is invalid", $"'{field}' contains control characters or is too long.");
                return;
            }
            await next();
            return;
        }
        var path = http.Request.Path.Value ?? "";
        if (path.Length > MaxPathLength)
        {
            await Problem(http, 414, "uri-too-long", "The address is too long", $"The path is {path.Length} characters; at most {MaxPathLength} are accepted.");
            return;
        }
        var errors = new Dictionary<string, List<string>>();
        if (HasControlCharacter(path, allowLineBreaks: false)) Add(errors, "path", "The path contains control characters.");
        foreach (var (key, values) in http.Request.Query)
        {
            var name = key.Length > 64 ? key[..64] + "…" : key;
            if (key.Length > 64 || HasControlCharacter(key, allowLineBreaks: false)) Add(errors, "query", $"The query parameter name '{Printable(name)}' is not acceptable.");
            foreach (var value in values)
            {
                if (value is null) continue;
                if (value.Length > MaxQueryValueLength) Add(errors, name, $"'{name}' is longer than {MaxQueryValueLength} characters.");
                else if (HasControlCharacter(value, allowLineBreaks: false)) Add(errors, name, $"'{name}' contains control characters.");
            }
        }
        if (errors.Count == 0 && HasBody(http.Request) && IsJson(http.Request.ContentType))
        {
            if (Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
                && mediaType.Charset.HasValue && !IsUtf8(mediaType.Charset.Value))
            {
                await Problem(http, 415, "unsupported-media-type", "Unsupported character set",
                    $"JSON bodies are read as UTF-8; charset '{Printable(Cut(mediaType.Charset.Value ?? ""))}' is not accepted.");
                return;
            }
            http.Request.EnableBuffering();
            var body = await ReadBounded(http.Request.Body, http.RequestAborted);
            if (body is null)
            {
                await Problem(http, 413, "payload-too-large", "The request body is too large", $"Request bodies are accepted up to {MaxBodyBytes / 1024} KiB.");
                return;
            }
            http.Request.Body.Position = 0;
            if (body.Length > 0)
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
                }
                catch (JsonException e)
                {
                    var nested = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase);
                    await Problem(http, 400, "malformed-json", "The request body is not valid JSON for this operation",
                        nested ? $"The body is nested more than {MaxDepth} levels deep." : FirstSentence(e.Message));
                    return;
                }
                using (document)
                {
                    try { Walk(document.RootElement, "", errors); }
                    catch (InvalidOperationException) { Add(errors, "body", "The body holds text that is not valid Unicode (an unpaired surrogate)."); }
                }
            }
        }
        if (errors.Count > 0)
        {
            http.Response.StatusCode = 400;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()))
                {
                    Status = 400, Type = ProblemTypes.For("validation"), Title = "One or more fields are invalid", Detail = "See 'errors' for each invalid field."
                }
            });
            return;
        }
        await next();
    });

    private static void Walk(JsonElement element, string path, Dictionary<string, List<string>> errors)
    {
        if (errors.Count >= 20) return;
        var field = path.Length == 0 ? "body" : path;
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString() ?? "";
                if (text.Length > MaxStringLength) Add(errors, field, $"'{field}' is longer than {MaxStringLength} characters.");
                else if (HasControlCharacter(text, allowLineBreaks: true))
                    Add(errors, field, $"'{field}' contains control characters; only tab and line breaks are accepted in text.");
                break;
            case JsonValueKind.Array:
                var length = element.GetArrayLength();
                if (length > MaxArrayItems) { Add(errors, field, $"'{field}' has {length} items; at most {MaxArrayItems} are accepted."); break; }
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Null) Add(errors, $"{field}[{index}]", $"'{field}' must not contain null items.");
                    else Walk(item, $"{path}[{index}]", errors);
                    index++;
                }
                break;
            case JsonValueKind.Object:
                var members = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (++members > MaxObjectMembers) { Add(errors, field, $"'{field}' has more than {MaxObjectMembers} members."); break; }
                    var name = property.Name.Length > 64 || HasControlCharacter(property.Name, allowLineBreaks: false) ? "(unreadable name)" : property.Name;
                    Walk(property.Value, path.Length == 0 ? name : $"{path}.{name}", errors);
                }
                break;
        }
    }

    /// <summary>
    /// Control characters (C0, DEL, C1), the bidirectional overrides and isolates that make text read otherwise than it is stored
    /// (U+202A–U+202E, U+2066–U+2069), and unpaired surrogates; tab, line feed and carriage return pass in text.
    /// </summary>
    public static bool HasControlCharacter(string value, bool allowLineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
            if (allowLineBreaks && c is '\t' or '\n' or '\r') continue;
            if (char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return true;
        }
        return false;
    }

    private static bool IsMultipart(string? contentType) => contentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    private static async Task<string?> FormProblem(HttpContext http)
    {
        if (http.Request.ContentLength > (IsMultipart(http.Request.ContentType) ? MaxUploadBytes : MaxBodyBytes)) return "body";
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return "body"; // the form reader itself refuses NUL and malformed encodings
        }
        foreach (var (key, values) in form)
            foreach (var value in values)
                if (value is not null && (value.Length > MaxStringLength || HasControlCharacter(value, allowLineBreaks: true)))
                    return key.Length > 64 ? key[..64] : key;
        return null;
    }

    private static bool IsUtf8(string? charset) => charset?.Trim('"').ToLowerInvariant() is "utf-8" or "utf8" or "us-ascii";

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static bool HasBody(HttpRequest request) => request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0;

    private static bool IsJson(string? contentType) =>
        contentType is not null && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));

    private static async Task<byte[]?> ReadBounded(Stream body, CancellationToken token)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, token)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    private static string Printable(string value) => new(value.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private static string FirstSentence(string message) => message.Split('\n')[0].Trim();

    private static async Task Problem(HttpContext http, int status, string rule, string title, string detail)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Type = ProblemTypes.For(rule), Title = title, Detail = detail }
        });
    }
}
