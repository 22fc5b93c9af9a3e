using System.Diagnostics;

namespace Jishi.IntegrationTests.Cli;

/// <summary>Runs the built Jishi.Web.dll as an operator would run <c>jishi COMMAND</c>: a separate process on a database
/// (an SQLite file unless told otherwise), so that a backup really runs beside a server that keeps writing.</summary>
public static class JishiProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static Task<Outcome> RunAsync(string databaseFile, string? input, params string[] args) =>
        RunOnAsync("Sqlite", $"Data Source={databaseFile}", input, args);

    public static Task<Outcome> RunOnAsync(string provider, string connectionString, string? input, params string[] args) =>
        RunWithAsync(new Dictionary<string, string> { ["Database__Provider"] = provider, ["ConnectionStrings__Jishi"] = connectionString },
            input, args);

    /// <summary>Runs with the given environment (settings as an operator would set them) and nothing else configured.</summary>
    public static async Task<Outcome> RunWithAsync(IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
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
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
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
