namespace Jishi.Web.Data;

public static class DataSetup
{
    public static IServiceCollection AddDatabaseInitialization(this IServiceCollection services) =>
        services.AddScoped<DatabaseInitializer>().AddScoped<DemoSeed>().AddScoped<DemoCalendar>();

    /// <summary>Migrates and seeds at start-up, then prints the URL and, once, the generated passwords.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        DatabaseInitializer.Outcome outcome;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            outcome = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var urls = string.Join(" ", app.Urls);
            Console.WriteLine();
            Console.WriteLine($"基石 Jishi 已启动：{urls}");
            Console.WriteLine(outcome.GeneratedAdminPassword is { } p
                ? $"管理员账号：{DatabaseInitializer.AdminUserName}  初始密码：{p}（仅显示这一次，首次登录须修改）"
                : $"管理员账号：{DatabaseInitializer.AdminUserName}（密码已设置）");
            if (outcome.DemoPassword is { } demo)
            {
                Console.WriteLine($"演示数据：七里墩街道；社区书记账号 sq01–sq09，密码：{demo}");
            }
            Console.WriteLine();
        });
    }
}
