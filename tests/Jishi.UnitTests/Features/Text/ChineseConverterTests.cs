using Jishi.Web.Features.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jishi.UnitTests.Features.Text;

/// <summary>Both ways of converting, Debian's libopencc (installed by scripts/test.sh) and the embedded dictionaries it
/// falls back to, give the same cleaned text.</summary>
public sealed class ChineseConverterTests
{
    private const string IssueSentence = "社區(qū)黨組織書記抓黨建工作述職評(píng)議大會";

    private static readonly Lazy<LibOpenCc> Native = new(() =>
        LibOpenCc.TryOpen(LibOpenCc.LibraryNames, LibOpenCc.T2S, out var problem) ?? throw new InvalidOperationException(problem));

    private static readonly OpenCcDictionaries Embedded = new();

    public static TheoryData<string> Converters => ["libopencc", "embedded"];

    private static CleanText Cleaner(string converter) => new(converter == "libopencc" ? Native.Value : Embedded, new GlossWords());

    [Theory]
    [MemberData(nameof(Converters))]
    public void Handle_IssueSentence_Simplified(string converter) =>
        Assert.Equal("社区党组织书记抓党建工作述职评议大会", Cleaner(converter).Handle(new(IssueSentence)).Text);

    [Theory]
    [MemberData(nameof(Converters))]
    public void Handle_OrdinaryParentheses_Kept(string converter)
    {
        const string text = "各站(所)负责人（一）汇报2016年工作(2016年)，数据见附件(Excel)。";
        var answer = Cleaner(converter).Handle(new(text));
        Assert.Equal(text, answer.Text);
        Assert.False(answer.Changed);
    }

    [Theory]
    [MemberData(nameof(Converters))]
    public void Handle_LongPastedReport_ExactlyTheExpectedText(string converter)
    {
        var pasted = Article("report-pasted.txt");
        var expected = Article("report-simplified.txt");
        Assert.True(pasted.Length >= 1500);

        var answer = Cleaner(converter).Handle(new(pasted));

        Assert.Equal(expected, answer.Text);
        Assert.True(answer.Changed);
    }

    [Fact]
    public void ToSimplified_ConcurrentCalls_EachGetsItsOwnText()
    {
        var texts = Enumerable.Range(0, 8).Select(i => $"第{i}個社區黨組織書記抓黨建工作述職評議大會" + new string('黨', i * 50)).ToArray();
        var expected = texts.Select(Embedded.ToSimplified).ToArray();

        var results = new string[texts.Length][];
        Parallel.For(0, texts.Length, i => results[i] = Enumerable.Range(0, 300).Select(_ => Native.Value.ToSimplified(texts[i])).ToArray());

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.All(results[i], r => Assert.Equal(expected[i], r));
        }
    }

    [Fact]
    public void ToSimplified_TextWithNul_NothingCut() => Assert.Equal("党建\0工作", Native.Value.ToSimplified("黨建\0工作"));

    [Fact]
    public void ToSimplified_AfterDispose_Throws()
    {
        var converter = LibOpenCc.TryOpen(LibOpenCc.LibraryNames, LibOpenCc.T2S, out _)!;
        converter.Dispose();
        Assert.Throws<ObjectDisposedException>(() => converter.ToSimplified("黨建"));
    }

    [Fact]
    public void AddText_HostShutsDown_LibOpenCcClosed()
    {
        var services = new ServiceCollection().AddLogging().AddText().BuildServiceProvider();
        var converter = services.GetRequiredService<IChineseConverter>();
        Assert.Equal("党建", converter.ToSimplified("黨建"));

        services.Dispose();

        Assert.Throws<ObjectDisposedException>(() => converter.ToSimplified("黨建"));
    }

    [Fact]
    public void Create_LibraryInstalled_UsesLibOpenCcWithoutWarning()
    {
        var log = new ListLogger();
        using var converter = (IDisposable)ChineseConverters.Create(log);
        Assert.IsType<LibOpenCc>(converter);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public void Create_LibraryMissing_EmbeddedDictionariesWithOneWarning()
    {
        var log = new ListLogger();
        var converter = ChineseConverters.Create(log, ["libno-such-opencc.so.9"]);
        Assert.IsType<OpenCcDictionaries>(converter);
        Assert.Equal("社区党组织书记", converter.ToSimplified("社區黨組織書記"));
        var warning = Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning);
        Assert.Contains("libno-such-opencc.so.9", warning.Message);
    }

    [Fact]
    public void Create_ConfigurationMissing_EmbeddedDictionariesWithOneWarning()
    {
        var log = new ListLogger();
        Assert.IsType<OpenCcDictionaries>(ChineseConverters.Create(log, config: "no-such-config.json"));
        Assert.Contains("no-such-config.json", Assert.Single(log.Entries, e => e.Level >= LogLevel.Warning).Message);
    }

    private static string Article(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Features", "Text", "Articles", name));

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
