namespace Jishi.Web.Features.Text;

/// <summary>Restores a character that a paste garbled but whose pinyin gloss survived (；A(chǔ)不牢 → ；基础不牢), from a
/// small table of words (GlossWords.txt). A word fits when the gloss's syllables are those of some of its characters and
/// the characters around the garbled run are the rest of the word (the run may stand for more characters than the gloss
/// covers: 基礎 pasted as A); a fit counts only with more evidence (neighbours, syllables past the first) than guesses
/// (characters of the run without a syllable), and the best-supported fits must all restore the same characters. Otherwise the
/// character is not certain and nothing is restored.</summary>
public sealed class GlossWords
{
    private readonly IReadOnlyList<(string Word, string[] Syllables)> _words;

    public GlossWords()
    {
        using var stream = typeof(GlossWords).Assembly.GetManifestResourceStream("Jishi.Web.Features.Text.GlossWords.txt")!;
        using var reader = new StreamReader(stream);
        var words = new List<(string, string[])>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                var space = line.IndexOf(' ');
                var syllables = Pinyin.Syllables(line[(space + 1)..])!;
                words.Add((line[..space], syllables.ToArray()));
            }
        }
        _words = words;
    }

    public IEnumerable<(string Word, string[] Syllables)> Words => _words;

    /// <summary>The characters that replace <paramref name="garbled"/>, the run of non-Han characters before a gloss of
    /// <paramref name="syllables"/>, given the simplified text just before and after; null when not certain.</summary>
    public string? Restore(string before, string garbled, IReadOnlyList<string> syllables, string after)
    {
        var glossed = syllables.ToArray();
        var n = glossed.Length;
        var fits = new List<(string Characters, int Support)>();
        foreach (var (word, wordSyllables) in _words)
        {
            // k: the last character the gloss covers; j: the first character the garbled run stands for.
            for (var k = n - 1; k < word.Length; k++)
            {
                if (!wordSyllables.AsSpan(k - n + 1, n).SequenceEqual(glossed) || !after.StartsWith(word[(k + 1)..], StringComparison.Ordinal))
                {
                    continue;
                }
                var j = Enumerable.Range(0, k - n + 2).Last(j => before.EndsWith(word[..j], StringComparison.Ordinal));
                // Each neighbour that fits and each syllable past the first is evidence; each character the garbled run
                // must stand for without a gloss of its own is a guess against it.
                var support = j + (word.Length - 1 - k) + (n - 1) - (k - n + 1 - j);
                // Mojibake spends up to three characters on one Chinese character.
                if (support > 0 && garbled.Length <= 3 * (k - j + 1))
                {
                    fits.Add((word[j..(k + 1)], support));
                }
            }
        }
        if (fits.Count == 0)
        {
            return null;
        }
        var best = fits.Max(f => f.Support);
        var restored = fits.Where(f => f.Support == best).Select(f => f.Characters).Distinct().ToList();
        return restored.Count == 1 ? restored[0] : null;
    }
}
