namespace Jishi.Web.Features.Organizations;

/// <summary>The 统一社会信用代码 of GB 32100-2015: 18 characters of the alphabet 0-9 A-H J-N P-R T-U W-Y (no I, O, S,
/// V, Z), the last one a check character computed from the first 17 with the weights 3^i mod 31.</summary>
public static class CreditCode
{
    public const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>True when <paramref name="code"/> (upper case, no spaces) has the right length, alphabet and check character.</summary>
    public static bool IsValid(string code) =>
        code.Length == Length && code.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) && CheckCharacter(code) == code[^1];

    /// <summary>The check character the first 17 characters of <paramref name="code"/> call for.</summary>
    public static char CheckCharacter(string code)
    {
        var (sum, weight) = (0, 1);
        for (var i = 0; i < Length - 1; i++)
        {
            sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * weight;
            weight = weight * 3 % Alphabet.Length;
        }
        return Alphabet[(Alphabet.Length - sum % Alphabet.Length) % Alphabet.Length];
    }
}
