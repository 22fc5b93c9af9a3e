using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Data;

/// <summary>What the console says once the site is up.</summary>
public static class StartupBanner
{
    public static IEnumerable<string> Lines(IStringLocalizer text, SiteAddress site, IEnumerable<string> urls, DatabaseInitializer.Outcome outcome)
    {
        yield return "";
        yield return text["Hall.Banner.Started", string.Join(" ", urls)];
        var lan = site.PhoneUrls();
        foreach (var url in lan)
        {
            yield return text[site.ListensOnLan ? "Hall.Banner.LanListening" : "Hall.Banner.LanNotListening", url];
        }
        if (lan.Count > 0 && !site.ListensOnLan)
        {
            yield return text["Hall.Banner.LanHow"];
        }
        yield return outcome.GeneratedAdminPassword is { } p
            ? text["Hall.Banner.AdminGenerated", DatabaseInitializer.AdminUserName, p]
            : text["Hall.Banner.AdminSet", DatabaseInitializer.AdminUserName];
        if (outcome.DemoPassword is { } demo)
        {
            yield return text["Hall.Banner.DemoPassword", demo];
        }
        yield return text["Hall.Banner.Reset", DatabaseInitializer.AdminUserName];
        yield return "";
    }
}
