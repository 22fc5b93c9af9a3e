namespace Jishi.Web.Features.Text;

/// <summary>A run of text in a side-by-side comparison, marked when it is not in the other text.</summary>
public sealed record DiffPart(string Text, bool Changed);

/// <summary>Which characters cleaning removed from the original and which it put in their place, for the side-by-side view
/// before the cleaned text is accepted. Lines are compared with lines (cleaning keeps line ends); within a line, the
/// longest common subsequence of characters. A very long changed line is marked as a whole rather than compared, so that
/// the comparison stays quick.</summary>
public static class TextDiff
{
    /// <summary>The most cells of the comparison table for one line: 500 × 500 characters.</summary>
    public const int MaxCells = 250_000;

    public static (IReadOnlyList<DiffPart> Before, IReadOnlyList<DiffPart> After) Compare(string before, string after)
    {
        var left = new List<DiffPart>();
        var right = new List<DiffPart>();
        var beforeLines = before.Split('\n');
        var afterLines = after.Split('\n');
        if (beforeLines.Length == afterLines.Length)
        {
            for (var i = 0; i < beforeLines.Length; i++)
            {
                if (i > 0)
                {
                    left.Add(new("\n", false));
                    right.Add(new("\n", false));
                }
                CompareLine(beforeLines[i], afterLines[i], left, right);
            }
        }
        else
        {
            CompareLine(before, after, left, right);
        }
        return (Merge(left), Merge(right));
    }

    private static void CompareLine(string before, string after, List<DiffPart> left, List<DiffPart> right)
    {
        var prefix = 0;
        while (prefix < before.Length && prefix < after.Length && before[prefix] == after[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < before.Length - prefix && suffix < after.Length - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }
        left.Add(new(before[..prefix], false));
        right.Add(new(after[..prefix], false));
        var x = before[prefix..^suffix];
        var y = after[prefix..^suffix];
        if ((long)x.Length * y.Length <= MaxCells)
        {
            MarkCommon(x, y, left, right);
        }
        else
        {
            left.Add(new(x, true));
            right.Add(new(y, true));
        }
        left.Add(new(before[^suffix..], false));
        right.Add(new(after[^suffix..], false));
    }

    private static void MarkCommon(string x, string y, List<DiffPart> left, List<DiffPart> right)
    {
        // common[i, j]: the length of the longest common subsequence of x[i..] and y[j..].
        var width = y.Length + 1;
        var common = new int[(x.Length + 1) * width];
        for (var i = x.Length - 1; i >= 0; i--)
        {
            for (var j = y.Length - 1; j >= 0; j--)
            {
                common[i * width + j] = x[i] == y[j]
                    ? common[(i + 1) * width + j + 1] + 1
                    : Math.Max(common[(i + 1) * width + j], common[i * width + j + 1]);
            }
        }
        int a = 0, b = 0;
        while (a < x.Length && b < y.Length)
        {
            if (x[a] == y[b])
            {
                left.Add(new(x[a++].ToString(), false));
                right.Add(new(y[b++].ToString(), false));
            }
            else if (common[(a + 1) * width + b] >= common[a * width + b + 1])
            {
                left.Add(new(x[a++].ToString(), true));
            }
            else
            {
                right.Add(new(y[b++].ToString(), true));
            }
        }
        left.Add(new(x[a..], true));
        right.Add(new(y[b..], true));
    }

    private static List<DiffPart> Merge(List<DiffPart> parts)
    {
        var merged = new List<DiffPart>();
        foreach (var part in parts.Where(p => p.Text.Length > 0))
        {
            if (merged.Count > 0 && merged[^1].Changed == part.Changed)
            {
                merged[^1] = new(merged[^1].Text + part.Text, part.Changed);
            }
            else
            {
                merged.Add(part);
            }
        }
        return merged;
    }
}
