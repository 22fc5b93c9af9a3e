using Jishi.Web.Features.Committees;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Dashboard;

/// <summary>换届提醒: the units of the subtree whose committee's term ends within 90 days or is past, the most overdue first
/// (the list is <see cref="CommitteeQueries.TermsAsync"/>'s).</summary>
public sealed class TermFigures(CommitteeQueries queries, IStringLocalizer<SharedResource> text) : IPanelSource
{
    public const int WithinDays = 90;

    public async Task<IReadOnlyList<Panel>> PanelsAsync(DashboardScope scope, CancellationToken ct)
    {
        var due = (await queries.TermsAsync(scope.Path, ct)).Where(t => t.DaysLeft <= WithinDays);
        return
        [
            new Panel("terms", text["Dashboard.Panel.terms"], PanelChart.Table,
                [text["Dashboard.Terms.Unit"], text["Dashboard.Terms.ElectedOn"], text["Dashboard.Terms.Ends"], text["Dashboard.Terms.DaysLeft"]],
                due.Select(t => (IReadOnlyList<object?>)[t.UnitName, t.ElectedOn, t.TermEnds, t.DaysLeft]).ToList(), [],
                text["Dashboard.Terms.Note", WithinDays]),
        ];
    }
}
