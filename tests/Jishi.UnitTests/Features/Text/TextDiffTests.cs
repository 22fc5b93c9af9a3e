using Jishi.Web.Features.Text;

namespace Jishi.UnitTests.Features.Text;

public sealed class TextDiffTests
{
    private static string Show(IEnumerable<DiffPart> parts) => string.Concat(parts.Select(p => p.Changed ? $"[{p.Text}]" : p.Text));

    [Fact]
    public void Compare_GlossAndTraditional_MarksOnlyWhatChanged()
    {
        var (before, after) = TextDiff.Compare("社區(qū)黨组织\n第二行 ,好", "社区党组织\n第二行，好");

        Assert.Equal("社[區(qū)黨]组织\n第二行[ ,]好", Show(before));
        Assert.Equal("社[区党]组织\n第二行[，]好", Show(after));
    }

    [Fact]
    public void Compare_Same_NothingMarked()
    {
        var (before, after) = TextDiff.Compare("党建工作", "党建工作");
        Assert.Equal([new DiffPart("党建工作", false)], before);
        Assert.Equal([new DiffPart("党建工作", false)], after);
    }

    [Fact]
    public void Compare_LongChangedLine_MarkedWhole()
    {
        var before = "黨" + new string('a', 600) + "黨" + new string('b', 600);
        var after = "党" + new string('a', 600) + "党" + new string('b', 600);

        var (left, right) = TextDiff.Compare(before, after);

        Assert.Equal(before, string.Concat(left.Select(p => p.Text)));
        Assert.Equal([new DiffPart(after[..^600], true), new DiffPart(new string('b', 600), false)], right);
    }
}
