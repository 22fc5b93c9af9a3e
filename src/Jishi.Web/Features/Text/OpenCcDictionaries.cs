using System.Collections.Frozen;
using System.Text;

namespace Jishi.Web.Features.Text;

/// <summary>Traditional to Simplified Chinese the way OpenCC's t2s does it: at each position the longest phrase of
/// TSPhrases, else the character of TSCharacters (its first candidate), else the character itself. The dictionaries are
/// OpenCC's own, embedded (Features/Text/OpenCC): the fallback when Debian's libopencc is not installed (ADR-009).</summary>
public sealed class OpenCcDictionaries : IChineseConverter
{
    private readonly FrozenDictionary<string, string> _phrases;
    private readonly FrozenDictionary<string, string> _characters;
    private readonly int _longestPhrase;

    public OpenCcDictionaries()
    {
        _phrases = Load("TSPhrases.txt");
        _characters = Load("TSCharacters.txt");
        _longestPhrase = _phrases.Keys.Max(k => k.Length);
    }

    public string ToSimplified(string text)
    {
        var output = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var matched = false;
            for (var length = Math.Min(_longestPhrase, text.Length - i); length >= 2 && !matched; length--)
            {
                if (_phrases.TryGetValue(text.Substring(i, length), out var phrase))
                {
                    output.Append(phrase);
                    i += length;
                    matched = true;
                }
            }
            if (matched)
            {
                continue;
            }
            // A character outside the Basic Multilingual Plane takes two chars.
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
            var one = text.Substring(i, width);
            output.Append(_characters.TryGetValue(one, out var simplified) ? simplified : one);
            i += width;
        }
        return output.ToString();
    }

    private static FrozenDictionary<string, string> Load(string name)
    {
        using var stream = typeof(OpenCcDictionaries).Assembly.GetManifestResourceStream("Jishi.Web.Features.Text.OpenCC." + name)
            ?? throw new InvalidOperationException($"The OpenCC dictionary {name} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            if (parts.Length >= 2)
            {
                map.TryAdd(parts[0], parts[1].Split(' ')[0]);
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
