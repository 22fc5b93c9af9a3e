namespace Jishi.Web.Features.Organizations;

public enum OrgColumn
{
    Name, Secretary, Contact, Phone, Category, EmployerSituation, EmployerName, EmployerCategory, EmployerOrgSetup, CreditCode, ParentName,
}

/// <summary>The national collection layout of an organization list: the ten organization items in the order the
/// national form has them, then 上级党组织名称. The headers stay Chinese in every UI language: they are a file format.</summary>
public static class OrgLayout
{
    public const string SheetName = "党组织信息";
    public const string NumberHeader = "序号";

    public static IReadOnlyList<OrgColumn> Columns { get; } = Enum.GetValues<OrgColumn>();

    public static string Header(OrgColumn column) => column switch
    {
        OrgColumn.Name => "党组织名称",
        OrgColumn.Secretary => "党组织书记",
        OrgColumn.Contact => "党组织联系人",
        OrgColumn.Phone => "联系电话",
        OrgColumn.Category => "组织类别",
        OrgColumn.EmployerSituation => "党组织所在单位情况",
        OrgColumn.EmployerName => "单位名称",
        OrgColumn.EmployerCategory => "单位类别",
        OrgColumn.EmployerOrgSetup => "单位建立党组织情况",
        OrgColumn.CreditCode => "党组织所在单位代码",
        _ => "上级党组织名称",
    };

    public static OrgColumn? Match(string header) => Columns.Cast<OrgColumn?>().FirstOrDefault(c => Header(c!.Value) == header);
}
