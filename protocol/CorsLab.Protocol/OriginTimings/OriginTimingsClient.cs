using System.Globalization;
using System.Net.Http.Json;
using System.Text;

namespace CorsLab.Protocol.OriginTimings;

/// <summary>
/// Reads <c>/_corslab/timings</c> from an origin. Does not own the <see cref="HttpClient"/>.
/// Records are published when the origin sees the response complete, which can be a moment after the
/// client read its last byte: poll (or read after the run) rather than expecting them instantly.
/// </summary>
public sealed class OriginTimingsClient
{
    // Kestrel's default request line limit is 8 KiB; id batches stay well inside it.
    private const int MaxIdsQueryLength = 6_000;

    private readonly HttpClient _http;
    private readonly Uri _timingsUrl;

    /// <param name="http">Any client that can reach the origin directly (not through a proxy).</param>
    /// <param name="origin">The origin's base URL, e.g. <c>http://127.0.0.1:PORT/</c>.</param>
    public OriginTimingsClient(HttpClient http, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(origin);
        _http = http;
        _timingsUrl = new Uri(origin, OriginTimingsPage.Path);
    }

    /// <summary>The retained records for these ids (ids must not contain commas), oldest first; batched into several requests when long.</summary>
    public async Task<OriginTimingsPage> GetByIdsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var records = new List<OriginTiming>();
        OriginTimingsPage? last = null;
        var query = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                continue;
            }

            var escaped = Uri.EscapeDataString(id);
            if (query.Length > 0 && query.Length + escaped.Length + 1 > MaxIdsQueryLength)
            {
                last = await FetchIdsAsync(query, records, cancellationToken);
            }

            query.Append(query.Length == 0 ? string.Empty : ",").Append(escaped);
        }

        if (query.Length > 0 || last is null)
        {
            last = await FetchIdsAsync(query, records, cancellationToken);
        }

        records.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        var next = records.Count > 0 ? records[^1].Seq : 0;
        return last with { Next = next, Records = records };
    }

    /// <summary>Records with seq greater than <paramref name="cursor"/>, at most <paramref name="limit"/>; pass <see cref="OriginTimingsPage.Next"/> back as the cursor.</summary>
    public Task<OriginTimingsPage> GetSinceAsync(long cursor, int limit = 10_000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cursor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var query = string.Create(CultureInfo.InvariantCulture, $"?since={cursor}&limit={limit}");
        return GetAsync(query, cancellationToken);
    }

    private async Task<OriginTimingsPage> FetchIdsAsync(StringBuilder ids, List<OriginTiming> records, CancellationToken cancellationToken)
    {
        var page = await GetAsync("?ids=" + ids, cancellationToken);
        ids.Clear();
        records.AddRange(page.Records);
        return page;
    }

    private async Task<OriginTimingsPage> GetAsync(string query, CancellationToken cancellationToken)
    {
        var page = await _http.GetFromJsonAsync(new Uri(_timingsUrl + query), OriginTimingsJsonContext.Default.OriginTimingsPage, cancellationToken);
        if (page is null || page.Schema != OriginTimingsPage.SchemaV1)
        {
            throw new InvalidDataException($"{_timingsUrl} did not answer with {OriginTimingsPage.SchemaV1}.");
        }

        return page;
    }
}
