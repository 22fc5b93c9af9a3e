using System.Data.Common;
using Jishi.Web.Shared;
using Microsoft.Extensions.Localization;

namespace Jishi.Web.Features.Cli;

/// <summary>What every command needs: a scope acting as user "cli", the Chinese messages, and the console.</summary>
public sealed class CliContext(IServiceProvider services, IStringLocalizer<SharedResource> text)
{
    public string this[string key] => text[key];

    public IConfiguration Configuration => services.GetRequiredService<IConfiguration>();

    public string Format(string key, params object[] args) => text.Format(key, args);

    /// <summary>Runs <paramref name="action"/> in its own scope, where the audit log records the changes as "cli".</summary>
    public async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().SetCommandLine();
        try
        {
            return await action(scope.ServiceProvider, ct);
        }
        catch (DbException e)
        {
            // The usual cause is a database that was never migrated or a wrong connection string: say so, without a stack trace.
            return Fail(new Error("Cli.DatabaseError", StatusCodes.Status500InternalServerError, e.Message));
        }
    }

    /// <summary>A registered handler, or one built from the scope's services when its feature does not register it.</summary>
    public static T Handler<T>(IServiceProvider scope) where T : notnull => ActivatorUtilities.GetServiceOrCreateInstance<T>(scope);

    /// <summary>Prints a message; a command that ends with it succeeded.</summary>
    public int Say(string key, params object[] args)
    {
        Console.Out.WriteLine(text.Format(key, args));
        return 0;
    }

    /// <summary>Prints the error (each problem on its own line) to standard error; the command failed.</summary>
    public int Fail(Error error)
    {
        var lines = error is ValidationError v ? v.Problems.Select(p => text.Format(p.Code, p.Args)) : [text.Describe(error)];
        foreach (var line in lines)
        {
            Console.Error.WriteLine(line);
        }
        return 1;
    }

    /// <summary>Asks the operator; only the word yes (or 确认) goes on. No input at all, as in a script, is a no.</summary>
    public bool Confirm(string key, params object[] args)
    {
        Console.Out.Write(text.Format(key, args));
        var answer = Console.In.ReadLine()?.Trim();
        return string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase) || answer == "确认";
    }
}
