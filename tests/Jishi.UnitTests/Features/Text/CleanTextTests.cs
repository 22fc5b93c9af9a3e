using Jishi.Web.Features.Text;

namespace Jishi.UnitTests.Features.Text;

public sealed class CleanTextTests
{
    private static readonly CleanText Cleaner = new(new OpenCcDictionaries(), new GlossWords());

    [Theory]
    [InlineData("加强党建（dǎng jiàn）工作", "加强党建工作")]
    [InlineData("述职(shù zhí)评议", "述职评议")]
    [InlineData("评议(ping2 yi4)大会", "评议大会")]
    public void Handle_PinyinGloss_Removed(string input, string expected) => Assert.Equal(expected, Cleaner.Handle(new(input)).Text);

    [Theory]
    [InlineData("工作要点（一）加强组织建设", "工作要点（一）加强组织建设")]
    [InlineData("2016年(第一季度)总结", "2016年(第一季度)总结")]
    [InlineData("见附件(Excel)", "见附件(Excel)")]
    public void Handle_OrdinaryParentheses_Kept(string input, string expected)
    {
        var answer = Cleaner.Handle(new(input));
        Assert.Equal(expected, answer.Text);
        Assert.False(answer.Changed);
    }

    [Theory]
    [InlineData("黨組織書記述職評議", "党组织书记述职评议")]
    [InlineData("發展黨員工作", "发展党员工作")]
    [InlineData("乾淨的頭髮", "干净的头发")]
    public void Handle_Traditional_BecomesSimplified(string input, string expected) => Assert.Equal(expected, Cleaner.Handle(new(input)).Text);

    [Theory]
    [InlineData("党建 工作,要 抓实。", "党建工作，要抓实。")]
    [InlineData("  问题：  组织生活不规范 ;  整改  ", "问题：组织生活不规范；整改")]
    [InlineData("第一行 \n\u3000\u3000第二行", "第一行\n第二行")]
    [InlineData("加强学习!\n落实整改,\n", "加强学习！\n落实整改，\n")]
    [InlineData(":整改\n;\n", "：整改\n;\n")]
    public void Handle_PunctuationAndSpacing_Normalized(string input, string expected) => Assert.Equal(expected, Cleaner.Handle(new(input)).Text);

    [Fact]
    public void Handle_CleanText_Unchanged() => Assert.False(Cleaner.Handle(new("七里墩街道党工委召开述职评议大会。")).Changed);

    [Theory]
    [InlineData(";A(chǔ)不牢", "；基础不牢")]
    [InlineData("；A(chǔ)不牢", "；基础不牢")]
    [InlineData("；A（chǔ）不牢，地动山摇", "；基础不牢，地动山摇")]
    [InlineData("打牢基A(chǔ)", "打牢基础")]
    [InlineData("加强党A(jiàn)工作", "加强党建工作")]
    [InlineData("社区建?(shè)", "社区建设")]
    [InlineData("基層組A(zhī)", "基层组织")]
    [InlineData("为民服\uFFFD(wù)", "为民服务")]
    [InlineData("志A(yuàn)者", "志愿者")]
    [InlineData("狠抓落A(shí)", "狠抓落实")]
    [InlineData("反对形A(shì)主义", "反对形式主义")]
    [InlineData("做好A(jī chǔ)工作", "做好基础工作")]
    [InlineData("做好A(ji1 chu3)工作", "做好基础工作")]
    public void Handle_GlossAfterGarbledCharacter_Restored(string input, string expected)
    {
        var answer = Cleaner.Handle(new(input));
        Assert.Equal(expected, answer.Text);
        Assert.Empty(answer.Checks);
    }

    [Theory]
    [InlineData("；A(chǔ)很重要", "；A很重要", "；A(chǔ)很重要")]
    [InlineData("分析形A(shì)", "分析形A", "分析形A(shì)")]
    [InlineData("做好A(xíng shì)工作", "做好A工作", "做好A(xíng shì)工作")]
    [InlineData("总结。(chǔ)下一步", "总结。下一步", "总结。(chǔ)下一步")]
    [InlineData("第一行\n其次ABCD(jiàn)设", "第一行\n其次ABCD设", "其次ABCD(jiàn)设")]
    public void Handle_GlossAfterGarbledCharacter_NotCertain_GlossRemovedAndSpotReported(string input, string expected, string excerpt)
    {
        var answer = Cleaner.Handle(new(input));
        Assert.Equal(expected, answer.Text);
        var check = Assert.Single(answer.Checks);
        Assert.Equal(excerpt, check.Excerpt);
        Assert.Equal(input.Split('\n').Length, check.Line);
    }

    [Theory]
    [InlineData("见附件Excel(ēk)")]
    [InlineData("Café(café)")]
    public void Handle_AccentedWordNotPinyin_Kept(string input) => Assert.Equal(input, Cleaner.Handle(new(input)).Text);
}
