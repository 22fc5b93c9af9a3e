using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Jishi.IntegrationTests.Abuse;

/// <summary>The bad input every endpoint and form is sent: texts, numbers and dates put in place of the plausible ones,
/// bodies that are not what the endpoint reads, and files that are not what they claim.</summary>
public static partial class Corpus
{
    public const string Script = "<script>alert(1)</script>";
    public const string Image = "<img src=x onerror=alert(1)>";

    /// <summary>Text put in every text field, one kind at a time.</summary>
    public static readonly string[] Texts =
    [
        "党员👍🏻测试🇨🇳",
        "ＡＢＣ１２３　张三",
        "张\u202E三abc",
        "张\u200B三\u200D",
        Script,
        Image,
        "'; DROP TABLE \"Members\"; --",
        "../../etc/passwd",
        "..\\..\\x.xlsx",
    ];

    /// <summary>Numbers put in every number field: raw JSON tokens, since 1e309 is no double.</summary>
    public static readonly string[] Numbers = ["-1", "2147483648", "-2147483649", "1e309", "9223372036854775808"];

    /// <summary>Dates put in every date field: the ends of .NET's range and a day that does not exist.</summary>
    public static readonly string[] Dates = ["0001-01-01", "9999-12-31", "2016-02-30", "9999-12-31T23:59:59Z"];

    /// <summary>Bodies that are no request at all: (what it is, the raw text).</summary>
    public static readonly (string Name, string Json)[] Malformed =
    [
        ("truncated JSON", "{\"name\": \"张"),
        ("not JSON", "<xml/>"),
        ("empty body", ""),
        ("null body", "null"),
        ("array instead of object", "[{}]"),
        ("bare string", "\"张三\""),
        ("bare number", "1e309"),
        ("missing fields", "{}"),
        ("deep nesting", new string('[', 2000) + new string(']', 2000)),
    ];

    private const string RawMarker = "\u0001raw:";

    /// <summary>Whether a string leaf of a sample body is free text (not a date, time, enum name or code).</summary>
    public static bool IsFreeText(string value) => value == "Matrix-Test-2016";

    public static bool IsDate(string value) => DateLike().IsMatch(value);

    /// <summary>The variants of <paramref name="sample"/>: (what was changed, the JSON text). Each changes every leaf of one kind.</summary>
    public static IEnumerable<(string Name, string Json)> Variants(JsonNode? sample)
    {
        foreach (var m in Malformed)
        {
            yield return m;
        }
        if (sample is null)
        {
            yield break;
        }
        if (sample is JsonObject)
        {
            var extra = sample.DeepClone().AsObject();
            extra["unexpected"] = Script;
            extra["id"] = 1;
            yield return ("extra fields", extra.ToJsonString());
        }
        yield return ("wrong types", Serialize(Map(sample, WrongType)));
        if (HasLeaf(sample, n => n is JsonArray))
        {
            yield return ("10,000-element arrays", Serialize(Map(sample, n => n is JsonArray a ? Repeat(a) : null)));
        }
        if (HasLeaf(sample, n => n is JsonValue v && v.TryGetValue<string>(out var s) && IsFreeText(s)))
        {
            foreach (var text in Texts)
            {
                yield return ($"text {text}", Serialize(Map(sample, n => n is JsonValue v && v.TryGetValue<string>(out var s) && IsFreeText(s) ? JsonValue.Create(text) : null)));
            }
        }
        if (HasLeaf(sample, IsNumber))
        {
            foreach (var number in Numbers)
            {
                yield return ($"number {number}", Serialize(Map(sample, n => IsNumber(n) ? JsonValue.Create(RawMarker + number) : null)));
            }
        }
        if (HasLeaf(sample, n => n is JsonValue v && v.TryGetValue<string>(out var s) && IsDate(s)))
        {
            foreach (var date in Dates)
            {
                yield return ($"date {date}", Serialize(Map(sample, n => n is JsonValue v && v.TryGetValue<string>(out var s) && IsDate(s) ? JsonValue.Create(date) : null)));
            }
        }
    }

    /// <summary>Query-string values that are out of range or of the wrong type, by parameter name.</summary>
    public static readonly Dictionary<string, string[]> QueryValues = new(StringComparer.OrdinalIgnoreCase)
    {
        ["page"] = ["-1", "0", "2147483648", "abc"],
        ["pageSize"] = ["100000", "-5", "0"],
        ["year"] = ["99999", "-1", "0", "abc"],
        ["unitId"] = ["abc", "-1", "2147483648"],
        ["from"] = ["0001-01-01", "2016-02-30", "abc"],
        ["to"] = ["9999-12-31", "2016-02-30"],
        ["q"] = [Script, "'; DROP TABLE \"Members\"; --", "%", "张\u200B三"],
    };

    /// <summary>Files an upload endpoint is sent: (what it is, file name, bytes).</summary>
    public static IEnumerable<(string Name, string FileName, byte[] Content)> Files()
    {
        yield return ("zip bomb", "bomb.xlsx", ZipBomb());
        yield return ("not Excel", "roster.xlsx", "名单,张三\n"u8.ToArray());
        yield return ("truncated", "roster.xlsx", ZipBomb()[..200]);
        yield return ("empty", "roster.xlsx", []);
        yield return ("path traversal name", "../../etc/passwd", "%PDF-1.4 x"u8.ToArray());
        yield return ("backslash traversal name", "..\\..\\x.xlsx", "PK\u0003\u0004"u8.ToArray());
        yield return ("script name", Script + ".pdf", "%PDF-1.4 x"u8.ToArray());
    }

    /// <summary>An .xlsx whose sheet XML inflates to about 2 GB: a valid workbook skeleton, and one worksheet of a single
    /// row whose cell text is a run of spaces far longer than any reader should take (a few MB on disk).</summary>
    public static byte[] ZipBomb() => LazyBomb.Value;

    private static readonly Lazy<byte[]> LazyBomb = new(BuildBomb);

    private static byte[] BuildBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>"""u8);
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 2048; i++)
            {
                sheet.Write(spaces);
            }
            sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }
        return buffer.ToArray();
    }

    /// <summary>Whether <paramref name="text"/> has a Chinese character: the message a cadre reads.</summary>
    public static bool IsChinese(string? text) => text is not null && Han().IsMatch(text);

    private static JsonNode? WrongType(JsonNode? node) => node switch
    {
        JsonArray => JsonValue.Create("不是数组"),
        JsonObject => JsonValue.Create(12345),
        JsonValue v when v.TryGetValue<string>(out _) => new JsonObject { ["nested"] = true },
        JsonValue v when v.TryGetValue<bool>(out _) => JsonValue.Create("是"),
        JsonValue => JsonValue.Create("一百"),
        null => new JsonArray(),
        _ => null,
    };

    private static bool IsNumber(JsonNode? node) => node is JsonValue v && (v.TryGetValue<int>(out _) || v.TryGetValue<long>(out _)
        || v.TryGetValue<double>(out _) || v.TryGetValue<decimal>(out _));

    private static JsonArray Repeat(JsonArray array)
    {
        var copy = new JsonArray();
        var item = array.Count > 0 ? array[0] : JsonValue.Create(1);
        for (var i = 0; i < 10_000; i++)
        {
            copy.Add(item?.DeepClone());
        }
        return copy;
    }

    /// <summary>A copy of <paramref name="node"/> with each node that <paramref name="replace"/> answers for replaced
    /// (leaves and arrays; objects are walked into).</summary>
    private static JsonNode? Map(JsonNode? node, Func<JsonNode?, JsonNode?> replace)
    {
        if (node is JsonObject obj)
        {
            var copy = new JsonObject();
            foreach (var (key, value) in obj)
            {
                copy[key] = Map(value, replace);
            }
            return copy;
        }
        if (replace(node) is { } replaced)
        {
            return replaced;
        }
        if (node is JsonArray array)
        {
            var copy = new JsonArray();
            foreach (var item in array)
            {
                copy.Add(Map(item, replace));
            }
            return copy;
        }
        return node?.DeepClone();
    }

    private static bool HasLeaf(JsonNode? node, Func<JsonNode?, bool> test) => node switch
    {
        JsonObject obj => obj.Any(p => HasLeaf(p.Value, test)),
        JsonArray array => test(array) || array.Any(i => HasLeaf(i, test)),
        _ => test(node),
    };

    /// <summary>JSON text with the raw-token markers replaced by the tokens themselves.</summary>
    private static string Serialize(JsonNode? node) => RawToken().Replace(node?.ToJsonString() ?? "null", m => m.Groups[1].Value);

    [GeneratedRegex("\"\\\\u0001raw:([^\"]*)\"")]
    private static partial Regex RawToken();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
