using System.Globalization;
using System.Net;

namespace Stop.Reports.Html;

/// <summary>Escaping and number formatting for the report. Everything a run provides goes through <see cref="Escape"/>.</summary>
public static class Html
{
    /// <summary>
    /// Escapes text for an HTML text node or a quoted attribute: <c>&amp; &lt; &gt; " '</c> all become entities,
    /// so untrusted model output can neither close an element nor leave an attribute.
    /// </summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A score as the report prints it: four decimals, invariant culture.</summary>
    public static string Score(double? value) => value is { } v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    /// <summary>A number for SVG coordinates.</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A whole number with thousands separators.</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage.</summary>
    public static string Percent(double value) => value.ToString("0.#%", CultureInfo.InvariantCulture);

    /// <summary>The first 12 characters of a content hash, which is how runs name candidates to people.</summary>
    public static string ShortHash(string? hash) => hash is null ? "–" : Escape(hash.Length > 12 ? hash[..12] : hash);
}
