using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Jishi.Web.Features.Text;

/// <summary>Hanyu pinyin as glosses write it: tone marks (chǔ) or tone numbers (chu3), syllables apart or run together.</summary>
public static partial class Pinyin
{
    /// <summary>The syllables of a gloss, each as its letters (ü as v) and tone number ("chu3"; a neutral tone has none);
    /// null when the text is not pinyin ("café", "Excel").</summary>
    public static IReadOnlyList<string>? Syllables(string gloss)
    {
        var syllables = new List<string>();
        foreach (var token in Separators().Split(gloss.Trim()))
        {
            var (letters, tones) = Plain(token);
            if (WordPattern.Match(letters) is not { Success: true } word)
            {
                return null;
            }
            foreach (Capture syllable in word.Groups["s"].Captures)
            {
                var tone = syllable.Value[^1] is >= '1' and <= '5' and var digit ? digit - '0'
                    : tones.Skip(syllable.Index).Take(syllable.Length).Max();
                var bare = syllable.Value.TrimEnd('1', '2', '3', '4', '5');
                syllables.Add(tone is >= 1 and <= 4 ? bare + tone.ToString(CultureInfo.InvariantCulture) : bare);
            }
        }
        return syllables.Count > 0 ? syllables : null;
    }

    /// <summary>The letters in lower case with the tone marks taken off, and the tone each letter carried (0 for none).</summary>
    private static (string Letters, int[] Tones) Plain(string token)
    {
        var letters = new StringBuilder(token.Length);
        var tones = new List<int>(token.Length);
        foreach (var c in token.Normalize(NormalizationForm.FormD))
        {
            var tone = c switch { '\u0304' => 1, '\u0301' => 2, '\u030C' => 3, '\u0300' => 4, _ => -1 };
            if (tone > 0 && tones.Count > 0)
            {
                tones[^1] = tone;
            }
            else if (c == '\u0308' && letters.Length > 0 && letters[^1] == 'u')
            {
                letters[^1] = 'v';
            }
            else
            {
                letters.Append(char.ToLowerInvariant(c));
                tones.Add(0);
            }
        }
        return (letters.ToString(), tones.ToArray());
    }

    [GeneratedRegex(@"[\s'’\-]+")]
    private static partial Regex Separators();

    /// <summary>Every syllable of Mandarin without its tone, ü written v.</summary>
    private const string All = """
        a ai an ang ao e ei en eng er o ou
        ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu
        pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
        ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu
        fa fan fang fei fen feng fo fou fu
        da dai dan dang dao de dei den deng di dia dian diao die ding diu dong dou du duan dui dun duo
        ta tai tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo
        na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve
        la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long lou lu luan lun luo lv lve
        ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo
        ka kai kan kang kao ke kei ken keng kong kou ku kua kuai kuan kuang kui kun kuo
        ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo
        ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun
        qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun
        xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun
        zha zhai zhan zhang zhao zhe zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo
        cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan chuang chui chun chuo
        sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo
        ra ran rang rao re ren reng ri rong rou ru rua ruan rui run ruo
        za zai zan zang zao ze zei zen zeng zi zong zou zu zuan zui zun zuo
        ca cai can cang cao ce cen ceng ci cong cou cu cuan cui cun cuo
        sa sai san sang sao se sen seng si song sou su suan sui sun suo
        ya yan yang yao ye yi yin ying yo yong you yu yuan yue yun
        wa wai wan wang wei wen weng wo wu
        """;

    /// <summary>A token as syllables, each with an optional tone number: the longest syllables are tried first.</summary>
    private static readonly Regex WordPattern = new(
        @"^(?:(?<s>(?:" + string.Join('|', All.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).OrderByDescending(s => s.Length)) + @")[1-5]?))+$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant);
}
