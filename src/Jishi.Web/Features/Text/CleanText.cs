using System.Text.RegularExpressions;

namespace Jishi.Web.Features.Text;

/// <summary>POST /api/text/clean: text pasted from documents and web pages, made plain. Pinyin glosses after characters
/// are removed (党建（dǎng jiàn） → 党建), traditional characters become simplified (OpenCC), punctuation between Chinese
/// characters becomes full-width and stray spacing goes. Ordinary parentheses are kept. A gloss after a garbled character
/// (；A(chǔ)不牢) goes too: the character is restored when the gloss and its neighbours make it certain (<see cref="GlossWords"/>),
/// otherwise it stays and the spot is listed in <see cref="Response.Checks"/> for a person to look at.</summary>
public sealed partial class CleanText(IChineseConverter converter, GlossWords words)
{
    public sealed record Request(string? Text);

    /// <summary>A gloss whose character could not be restored: its line (from 1) and the text around it as it came.</summary>
    public sealed record Check(int Line, string Excerpt);

    public sealed record Response(string Text, bool Changed, IReadOnlyList<Check> Checks);

    public const int MaxLength = 200_000;

    public Response Handle(Request request)
    {
        var original = request.Text ?? "";
        var checks = new List<Check>();
        var unglossed = PinyinGloss().Replace(original, "$1");
        var text = GlossAfterOther().Replace(unglossed, m => Restore(unglossed, m, checks));
        text = converter.ToSimplified(text);
        text = AsciiPunctuationInChinese().Replace(text, m => m.Groups[1].Length + m.Groups[3].Length == 0 ? m.Value
            : m.Groups[1].Value + FullWidth(m.Groups[2].Value[0]) + m.Groups[3].Value);
        text = SpaceBetweenChinese().Replace(text, "$1");
        text = SpaceAroundChinesePunctuation().Replace(text, "$1");
        text = RepeatedSpaces().Replace(text, " ");
        text = string.Join('\n', text.Split('\n').Select(line => line.Trim(' ', '\t', '\u3000')));
        return new Response(text, text != original, checks);
    }

    /// <summary>How many characters on each side of a garbled gloss are compared with the words, and shown in a check.</summary>
    private const int Around = 8;

    private string Restore(string text, Match m, List<Check> checks)
    {
        if (Pinyin.Syllables(m.Groups["gloss"].Value) is not { } syllables)
        {
            return m.Value;
        }
        var end = m.Index + m.Length;
        var garbled = m.Groups["garbled"].Value;
        var before = converter.ToSimplified(text[Math.Max(0, m.Index - Around)..m.Index]);
        var after = converter.ToSimplified(text[end..Math.Min(text.Length, end + Around)]);
        if (garbled.Length > 0 && words.Restore(before, garbled, syllables, after) is { } restored)
        {
            return restored;
        }
        var lineStart = text.LastIndexOf('\n', Math.Max(0, m.Index - 1)) + 1;
        var lineEnd = text.IndexOf('\n', end) is var e and >= 0 ? e : text.Length;
        var line = text.AsSpan(0, m.Index).Count('\n') + 1;
        checks.Add(new Check(line, text[Math.Max(lineStart, m.Index - Around)..Math.Min(lineEnd, end + Around)]));
        return garbled;
    }

    private static char FullWidth(char c) => c switch
    {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '!' => '！',
        '?' => '？',
        _ => c,
    };

    private const string Han = @"\p{IsCJKUnifiedIdeographs}";

    // A Han character followed by parentheses holding only pinyin: letters, spaces, apostrophes and hyphens, with at least
    // one tone (a marked vowel or a tone number), which tells pinyin from an English word. "（一）", "(2016年)" and
    // "(Excel)" stay.
    private const string Gloss = @"\s*[（(]\s*(?<gloss>(?=[^）)]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ1-5])[a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ][a-zA-Z1-5āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ'’\- ]*)\s*[）)]";

    [GeneratedRegex(@"(" + Han + @")" + Gloss)]
    private static partial Regex PinyinGloss();

    // The same gloss after anything else: a run of characters that are neither Han, space nor punctuation (a paste's
    // garbling: letters, digits, symbols, ?, U+FFFD), or nothing (after punctuation or at the start of a line).
    [GeneratedRegex(@"(?<garbled>(?:[^\s\p{P}\p{Cc}" + Han + @"]|[?\uFFFD])*)" + Gloss)]
    private static partial Regex GlossAfterOther();

    // Between Han characters, or between a line's start or end and one (the replacement keeps a line of punctuation
    // alone as it is). Spaces and tabs only: a line ending after the
    // punctuation stays where it was.
    [GeneratedRegex(@"(" + Han + @"|^)[ \t\u3000]*([,;:!?])[ \t\u3000]*(" + Han + @"|$)", RegexOptions.Multiline)]
    private static partial Regex AsciiPunctuationInChinese();

    [GeneratedRegex(@"(" + Han + @")[ \t\u3000]+(?=(" + Han + @"))")]
    private static partial Regex SpaceBetweenChinese();

    [GeneratedRegex(@"[ \t\u3000]*([，。；：！？、）」』》])[ \t\u3000]*")]
    private static partial Regex SpaceAroundChinesePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();
}
