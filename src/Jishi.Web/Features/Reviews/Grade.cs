namespace Jishi.Web.Features.Reviews;

/// <summary>The four grades of a 述职评议 ballot. Their Chinese names are part of the public API (API.md), not UI text.</summary>
public enum Grade
{
    Good = 0,
    FairlyGood = 1,
    Average = 2,
    Poor = 3,
}

public static class Grades
{
    public static readonly string[] Names = ["好", "较好", "一般", "差"];

    public static string Name(this Grade grade) => Names[(int)grade];

    public static bool TryParse(string? name, out Grade grade)
    {
        var i = Array.IndexOf(Names, name?.Trim());
        grade = (Grade)Math.Max(i, 0);
        return i >= 0;
    }
}

/// <summary>Values of the grades (default 好 100, 较好 80, 一般 60, 差 40) and the band thresholds (≥ 90 好, ≥ 80 较好,
/// ≥ 60 一般, else 差), both configurable per campaign.</summary>
public sealed record ReviewScale(double Good = 100, double FairlyGood = 80, double Average = 60, double Poor = 40,
    double BandGood = 90, double BandFairlyGood = 80, double BandAverage = 60)
{
    public double ValueOf(Grade grade) => grade switch
    {
        Grade.Good => Good,
        Grade.FairlyGood => FairlyGood,
        Grade.Average => Average,
        _ => Poor,
    };

    /// <summary>Values within 0–100 and falling from 好 to 差; bands falling too (a value of 差 = 0 is common practice).</summary>
    public bool IsValid =>
        Poor >= 0 && Good <= 100 && Good >= FairlyGood && FairlyGood >= Average && Average >= Poor
        && BandGood <= 100 && BandGood > BandFairlyGood && BandFairlyGood > BandAverage && BandAverage > 0;

    public Grade BandOf(double score) =>
        score >= BandGood ? Grade.Good : score >= BandFairlyGood ? Grade.FairlyGood : score >= BandAverage ? Grade.Average : Grade.Poor;
}
