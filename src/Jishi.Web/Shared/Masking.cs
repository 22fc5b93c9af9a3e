namespace Jishi.Web.Shared;

/// <summary>Masks personal numbers for those who do not need them in clear.</summary>
public static class Masking
{
    /// <summary>110101********1234: keeps the region code and the last four characters.</summary>
    public static string? IdNumber(string? value) =>
        string.IsNullOrEmpty(value) || value.Length < 10 ? value : value[..6] + new string('*', value.Length - 10) + value[^4..];

    /// <summary>138****5678: keeps the first three and the last four digits.</summary>
    public static string? Phone(string? value) =>
        string.IsNullOrEmpty(value) || value.Length < 7 ? value : value[..3] + new string('*', value.Length - 7) + value[^4..];
}
