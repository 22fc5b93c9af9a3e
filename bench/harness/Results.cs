namespace Jishi.Bench;

/// <summary>bench/results.md ends with the harness's table; each run appends one row to it.</summary>
public static class Results
{
    public static readonly string[] Columns =
    [
        "date (UTC)", "commit", "nproc", "memory", "database", "scenario", "throughput", "p50", "p95", "p99",
        "ceilings (same run, same clients)", "ratio", "server peak RSS", "errors", "note",
    ];

    private static string Header => "| " + string.Join(" | ", Columns) + " |";

    public static void Append(string file, IReadOnlyList<string> cells)
    {
        var text = File.Exists(file) ? File.ReadAllText(file) : "";
        var lines = new List<string>();
        if (!text.Contains(Header, StringComparison.Ordinal))
        {
            lines.Add("");
            lines.Add(Header);
            lines.Add("|" + string.Concat(Columns.Select(_ => "---|")));
        }
        lines.Add("| " + string.Join(" | ", cells.Select(c => c.Replace("|", "/", StringComparison.Ordinal))) + " |");
        File.AppendAllText(file, (text.Length > 0 && !text.EndsWith('\n') ? "\n" : "") + string.Join("\n", lines) + "\n");
    }

    /// <summary>MemTotal from /proc/meminfo, in GB.</summary>
    public static double MemoryGigabytes() =>
        long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0 / 1024.0;
}
