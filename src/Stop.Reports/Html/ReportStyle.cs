namespace Stop.Reports.Html;

/// <summary>The report's stylesheet, inlined into the page: system fonts only, so nothing is fetched.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #fbfcfe; --yes: #1e7b34; --no: #b42318; }
        * { box-sizing: border-box; }
        body { margin: 0 auto; max-width: 1500px; padding: 24px 32px 48px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: var(--bg); }
        h1 { font-size: 26px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3.run-name { font-size: 15px; margin: 8px 0; color: var(--muted); }
        h4 { margin: 16px 0 4px; font-size: 14px; }
        .lede { color: var(--muted); margin: 0; }
        .runs { display: grid; gap: 24px; }
        .runs-1 { grid-template-columns: minmax(0, 1fr); }
        .runs-2 { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
        .run { min-width: 0; overflow-x: auto; }
        table { border-collapse: collapse; margin: 6px 0 12px; background: #fff; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
        thead th { background: #eef1f6; font-weight: 600; }
        table.facts th { background: #f4f6fa; white-space: nowrap; }
        td.num { text-align: right; white-space: nowrap; }
        td.hash, code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; }
        td.reason { max-width: 420px; overflow-wrap: anywhere; }
        tr.rejected td { background: #fff6f5; }
        tr.total td { font-weight: 600; }
        .yes { color: var(--yes); font-weight: 600; }
        .no { color: var(--no); font-weight: 600; }
        .absent { color: var(--muted); font-style: italic; }
        .warning { color: var(--no); font-weight: 600; }
        .fixed { color: var(--yes); }
        .chain { color: var(--muted); }
        figure { margin: 12px 0 20px; }
        figcaption { color: var(--muted); font-size: 13px; max-width: 680px; }
        svg.chart { background: #fff; border: 1px solid var(--line); max-width: 100%; height: auto; }
        svg .chart-title { font-size: 15px; font-weight: 600; fill: var(--ink); }
        svg .tick, svg .legend-label, svg .bar-label { font-size: 12px; fill: var(--muted); }
        svg .axis-title { font-size: 12px; fill: var(--ink); }
        svg .grid { stroke: #edf0f5; }
        svg .axis-line, svg .tick-mark { stroke: #8a93a6; }
        .strategy { background: #eef4ff; border-radius: 3px; padding: 0 4px; }
        .added { color: var(--yes); }
        .removed { color: var(--no); }
        pre.diff { background: #fff; border: 1px solid var(--line); padding: 8px; overflow: auto; max-height: 520px; font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        pre.diff .add { background: #e8f7ec; display: inline-block; min-width: 100%; }
        pre.diff .del { background: #fdecea; display: inline-block; min-width: 100%; }
        pre.diff .hunk { color: #6f42c1; }
        pre.diff .file { font-weight: 600; }
        .kw { color: #0033b3; font-weight: 600; }
        .str { color: #067d17; }
        .com { color: #8c8c8c; font-style: italic; }
        .num { color: inherit; }
        pre .num { color: #1750eb; }
        footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
        """;
}
