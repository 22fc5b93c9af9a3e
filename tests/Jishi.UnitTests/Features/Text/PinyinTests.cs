using Jishi.Web.Features.Text;

namespace Jishi.UnitTests.Features.Text;

public sealed class PinyinTests
{
    [Theory]
    [InlineData("chǔ", "chu3")]
    [InlineData("dǎng jiàn", "dang3 jian4")]
    [InlineData("dǎngjiàn", "dang3 jian4")]
    [InlineData("ping2 yi4", "ping2 yi4")]
    [InlineData("jì lǜ", "ji4 lv4")]
    [InlineData("kùn nan", "kun4 nan")]
    [InlineData("Xī'ān", "xi1 an1")]
    public void Syllables_Pinyin_LettersAndTones(string gloss, string expected) =>
        Assert.Equal(expected, string.Join(' ', Pinyin.Syllables(gloss)!));

    [Theory]
    [InlineData("café")]
    [InlineData("Excel")]
    [InlineData("ēk")]
    public void Syllables_NotPinyin_Null(string gloss) => Assert.Null(Pinyin.Syllables(gloss));

    [Fact]
    public void Words_EveryEntry_OneSyllablePerCharacter() =>
        Assert.All(new GlossWords().Words, w => Assert.Equal(w.Word.Length, w.Syllables.Length));
}
