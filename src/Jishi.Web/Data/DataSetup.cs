using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Data;

public static class DataSetup
{
    public static IServiceCollection AddDatabaseInitialization(this IServiceCollection services) =>
        services.AddScoped<DatabaseInitializer>().AddScoped<DemoSeed>().AddScoped<DemoCalendar>();

    /// <summary>Migrates and seeds at start-up, then prints the banner: the URLs, every LAN address and whether the server
    /// listens on them, the generated passwords once, and on every start where to find or reset the passwords.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        DatabaseInitializer.Outcome outcome;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            System.Globalization.CultureInfo.CurrentUICulture = PlatformSetup.Cultures[0];
            var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
            foreach (var line in StartupBanner.Lines(text, app.Services.GetRequiredService<SiteAddress>(), app.Urls, outcome))
            {
                Console.WriteLine(line);
            }
        });
    }
}
