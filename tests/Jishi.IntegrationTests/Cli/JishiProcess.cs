using System.Diagnostics;

namespace Jishi.IntegrationTests.Cli;

/// <summary>Runs the built Jishi.Web.dll as an operator would run <c>jishi COMMAND</c>: a separate process on a database
/// (an SQLite file unless told otherwise), so that a backup really runs beside a server that keeps writing.</summary>
public static class JishiProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Task<Outcome> RunAsync(string databaseFile, string? input, params string[] args) =>
        RunOnAsync("Sqlite", $"Data Source={databaseFile}", input, args);

    public static async Task<Outcome> RunOnAsync(string provider, string connectionString, string? input, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Jishi.Web.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Jishi"] = connectionString;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Outcome(process.ExitCode, await output, await error);
    }
}
