using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CorsLab.Origin.Endpoints;

/// <summary>Route and query numbers with bounds; a bad one answers 400 with one line naming the parameter.</summary>
internal static class Args
{
    public static bool TryRoute(HttpContext context, string name, long min, long max, out long value)
        => TryParse(context.Request.RouteValues[name] as string, null, min, max, out value);

    public static bool TryQuery(HttpContext context, string name, long fallback, long min, long max, out long value)
        => TryParse(context.Request.Query[name].ToString(), fallback, min, max, out value);

    public static Task BadRequestAsync(HttpContext context, string name, long min, long max)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{name} must be an integer from {min} to {max}"));
    }

    private static bool TryParse(string? text, long? fallback, long min, long max, out long value)
    {
        if (string.IsNullOrEmpty(text) && fallback is { } defaultValue)
        {
            value = defaultValue;
            return true;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            && value >= min
            && value <= max;
    }
}
