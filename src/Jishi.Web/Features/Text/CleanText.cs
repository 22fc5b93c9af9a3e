using System.Text.RegularExpressions;

namespace Jishi.Web.Features.Text;

/// <summary>POST /api/text/clean: text pasted from documents and web pages, made plain. Pinyin glosses after characters
/// are removed (党建（dǎng jiàn） → 党建), traditional characters become simplified (OpenCC), punctuation between Chinese
/// characters becomes full-width and stray spacing goes. Ordinary parentheses are kept.</summary>
public sealed partial class CleanText(IChineseConverter converter)
{
    public sealed record Request(string? Text);

    public sealed record Response(string Text, bool Changed);

    public const int MaxLength = 200_000;

    public Response Handle(Request request)
    {
        var original = request.Text ?? "";
        var text = PinyinGloss().Replace(original, "$1");
        text = converter.ToSimplified(text);
        text = AsciiPunctuationInChinese().Replace(text, m => m.Groups[1].Value + FullWidth(m.Groups[2].Value[0]) + m.Groups[3].Value);
        text = SpaceBetweenChinese().Replace(text, "$1");
        text = SpaceAroundChinesePunctuation().Replace(text, "$1");
        text = RepeatedSpaces().Replace(text, " ");
        text = string.Join('\n', text.Split('\n').Select(line => line.Trim(' ', '\t', '\u3000')));
        return new Response(text, text != original);
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
    [GeneratedRegex(@"(" + Han + @")\s*[（(]\s*(?=[^）)]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ1-5])[a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ][a-zA-Z1-5āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ'’\- ]*\s*[）)]")]
    private static partial Regex PinyinGloss();

    // Spaces and tabs only: a line ending after the punctuation stays where it was.
    [GeneratedRegex(@"(" + Han + @")[ \t\u3000]*([,;:!?])[ \t\u3000]*(" + Han + @"|$)", RegexOptions.Multiline)]
    private static partial Regex AsciiPunctuationInChinese();

    [GeneratedRegex(@"(" + Han + @")[ \t\u3000]+(?=(" + Han + @"))")]
    private static partial Regex SpaceBetweenChinese();

    [GeneratedRegex(@"[ \t\u3000]*([，。；：！？、）」』》])[ \t\u3000]*")]
    private static partial Regex SpaceAroundChinesePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex RepeatedSpaces();
}
