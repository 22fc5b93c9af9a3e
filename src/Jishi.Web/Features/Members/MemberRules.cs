using System.Text.RegularExpressions;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Members;

/// <summary>The roster's rules, shared by the API, the screens and the Excel import.</summary>
public static partial class MemberRules
{
    public static readonly string[] Genders = ["男", "女"];

    /// <summary>Full-width digits and letters (０-９, Ｘ) as typed by Chinese input methods become ASCII.</summary>
    public static string? NormalizeDigits(string? s)
    {
        if (s is null)
        {
            return null;
        }
        Span<char> buffer = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            buffer[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
        }
        return new string(buffer);
    }

    public static string? NormalizeIdNumber(string? s) =>
        NormalizeDigits(s)?.Trim().Replace(" ", "").ToUpperInvariant() is { Length: > 0 } v ? v : null;

    /// <summary>GB 11643-1999: 17 digits and a check character (0-9 or X) computed from them.</summary>
    public static bool IsValidIdNumber(string id)
    {
        if (!IdPattern().IsMatch(id))
        {
            return false;
        }
        return CheckCharacter(id.AsSpan(0, 17)) == id[17];
    }

    /// <summary>The 18th character of an ID number from its first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * weights[i];
        }
        return "10X98765432"[sum % 11];
    }

    /// <summary>The birth date an ID number encodes, when it is a real date.</summary>
    public static DateOnly? BirthDateOf(string id) =>
        DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", out var d) ? d : null;

    public static bool IsValidPhone(string phone) => PhonePattern().IsMatch(phone);

    public static List<FieldProblem> Validate(MemberInput m, IReadOnlyCollection<string> tiers, DateOnly today)
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(m.Name))
        {
            problems.Add(new("name", "Member.NameRequired"));
        }
        else if (m.Name.Trim().Length > 50)
        {
            problems.Add(new("name", "Member.NameTooLong"));
        }
        if (!Genders.Contains(m.Gender.Trim()))
        {
            problems.Add(new("gender", "Member.GenderInvalid"));
        }
        if (NormalizeIdNumber(m.IdNumber) is { } id)
        {
            if (!IsValidIdNumber(id))
            {
                problems.Add(new("idNumber", "Member.IdNumberInvalid"));
            }
            else if (m.BirthDate is { } b && BirthDateOf(id) is { } encoded && encoded != b)
            {
                problems.Add(new("birthDate", "Member.BirthDateMismatch"));
            }
        }
        if (NormalizeDigits(m.Phone)?.Trim() is { Length: > 0 } phone && !IsValidPhone(phone))
        {
            problems.Add(new("phone", "Member.PhoneInvalid"));
        }
        if (NormalizeDigits(m.Landline)?.Trim() is { Length: > 0 } landline && !IsValidPhone(landline))
        {
            problems.Add(new("landline", "Member.PhoneInvalid"));
        }
        if (!tiers.Contains(m.Tier.Trim()))
        {
            problems.Add(new("tier", "Member.TierInvalid", string.Join("、", tiers)));
        }
        if (m.BirthDate is { } birth && (birth > today || birth.Year < 1900))
        {
            problems.Add(new("birthDate", "Member.DateOutOfRange"));
        }
        if (m.JoinedOn is { } joined)
        {
            if (joined > today)
            {
                problems.Add(new("joinedOn", "Member.DateInFuture"));
            }
            else if (m.BirthDate is { } bd && joined < bd.AddYears(18))
            {
                problems.Add(new("joinedOn", "Member.JoinedTooYoung"));
            }
        }
        else
        {
            problems.Add(new("joinedOn", "Member.JoinedRequired"));
        }
        if (m.FullMemberOn is { } full && m.JoinedOn is { } j && full < j)
        {
            problems.Add(new("fullMemberOn", "Member.FullBeforeJoined"));
        }
        if (m.Category == MemberCategory.Full && m.FullMemberOn is null && m.JoinedOn is { } jd && jd.AddYears(1) > today)
        {
            problems.Add(new("category", "Member.FullTooEarly"));
        }
        if (m.IsLost && m.LostSince is { Length: > 0 } since && !YearMonthPattern().IsMatch(since))
        {
            problems.Add(new("lostSince", "Member.YearMonthInvalid"));
        }
        return problems;
    }

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex IdPattern();

    // A mobile number, or a landline with its area code (0xx-xxxxxxxx), optionally with an extension.
    [GeneratedRegex(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$")]
    private static partial Regex YearMonthPattern();
}
