using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CorsLab.Results.Testing;

namespace CorsLab.Reports.Tests;

/// <summary>Reports read the same wherever they are rendered: a German machine still writes 1.5 ms, never 1,5 ms.</summary>
public sealed partial class CultureTests
{
    [Fact]
    public async Task GermanCulture_StillWritesInvariantNumbers()
    {
        var culture = CultureInfo.GetCultureInfo("de-DE");
        Assert.Equal(",", culture.NumberFormat.NumberDecimalSeparator); // the test means something only with a real de-DE
        var (current, currentUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            using var folder = await RunFolder.WriteAsync(RunBuilder.Lab().Build());
            await ReportRenderer.RenderAsync(folder.Path);

            var markdown = folder.Read("report.md");
            Assert.DoesNotMatch(CommaDecimal(), markdown);
            Assert.Contains("0.80×", markdown, StringComparison.Ordinal);
            Assert.Matches(@"\d\.\d+ ms", markdown);
            Assert.DoesNotMatch(CommaDecimal(), folder.Read("report.html"));
            foreach (var svg in folder.Svgs())
            {
                var labels = XDocument.Load(svg).Descendants().Where(element => element.Name.LocalName == "text").Select(element => element.Value.Trim());
                Assert.All(labels, label => Assert.DoesNotMatch(CommaDecimal(), label));
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = currentUi;
        }
    }

    /// <summary>A digit, a comma, a digit: a decimal comma (the reports use no thousands separators).</summary>
    [GeneratedRegex(@"\d,\d")]
    private static partial Regex CommaDecimal();
}
