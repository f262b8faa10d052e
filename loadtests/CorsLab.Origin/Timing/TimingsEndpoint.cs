using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CorsLab.Protocol.OriginTimings;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Timing;

/// <summary>
/// <c>GET /_corslab/timings?ids=a,b,c</c> or <c>GET /_corslab/timings?since=CURSOR&amp;limit=N</c>:
/// a page of <see cref="OriginTimingsPage"/> JSON. Bad parameters get 400 and one line saying why.
/// </summary>
internal sealed class TimingsEndpoint(TimingStore store)
{
    public const string Path = "/_corslab/timings";

    /// <summary>Default page size: a few MB of JSON, small enough to stream without pressure.</summary>
    public const int DefaultLimit = 10_000;

    public async Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        List<OriginTiming> records;
        long dropped;
        long next;
        if (query.TryGetValue("ids", out var idsValue))
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in idsValue)
            {
                foreach (var id in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    ids.Add(id);
                }
            }

            (records, dropped) = store.ReadIds(ids);
            next = records.Count > 0 ? records[^1].Seq : 0;
        }
        else
        {
            if (!TryParse(query["since"], 0, out var cursor) || cursor < 0)
            {
                await BadRequestAsync(context, "since must be a non-negative integer");
                return;
            }

            if (!TryParse(query["limit"], DefaultLimit, out var limit) || limit <= 0 || limit > int.MaxValue)
            {
                await BadRequestAsync(context, "limit must be a positive integer");
                return;
            }

            (records, dropped) = store.ReadSince(cursor, (int)limit);
            next = records.Count > 0 ? records[^1].Seq : cursor;
        }

        var page = new OriginTimingsPage(OriginTimingsPage.SchemaV1, Stopwatch.Frequency, next, dropped, records);
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, page, OriginTimingsJsonContext.Default.OriginTimingsPage, context.RequestAborted);
    }

    private static bool TryParse(string? value, long fallback, out long result)
    {
        if (string.IsNullOrEmpty(value))
        {
            result = fallback;
            return true;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result);
    }

    private static Task BadRequestAsync(HttpContext context, string message)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(message);
    }
}
