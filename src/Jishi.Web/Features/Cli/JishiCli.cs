using Jishi.Web.Data;

namespace Jishi.Web.Features.Cli;

/// <summary>The <c>jishi</c> commands, run from the same executable: <c>dotnet run --project src/Jishi.Web -- COMMAND</c>.</summary>
public static class JishiCli
{
    private static readonly string[] Commands = ["migrate", "seed-demo"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0]);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        switch (args[0])
        {
            case "migrate":
                await init.MigrateAsync(CancellationToken.None);
                Console.WriteLine("数据库已迁移到最新版本。");
                return 0;
            default:
                var outcome = await init.InitializeAsync(CancellationToken.None);
                Console.WriteLine(outcome.DemoLoaded ? "演示数据已载入。" : "数据库已有数据，未载入演示数据。");
                return 0;
        }
    }
}
