namespace Jishi.Web.Features.Dues;

/// <summary>What a member's dues are reckoned on (中组部 2008《关于中国共产党党费收缴、使用和管理的规定》).</summary>
public enum DuesCategory
{
    /// <summary>在职: a percentage of the monthly after-tax wage income.</summary>
    Employed,

    /// <summary>离退休: a percentage of the monthly basic pension.</summary>
    Retired,

    /// <summary>学生: a fixed amount.</summary>
    Student,

    /// <summary>下岗失业、享受低保: a fixed amount.</summary>
    Unemployed,

    /// <summary>农民: the fixed amount the street sets, 0.2 to 1 yuan.</summary>
    Farmer,
}
