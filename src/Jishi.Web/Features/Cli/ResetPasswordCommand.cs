using System.CommandLine;
using Jishi.Web.Data;
using Jishi.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Jishi.Web.Features.Cli;

/// <summary><c>reset-password --user NAME [--password P]</c>: gives an account a new password (generated and shown when
/// none is given), to be changed at the next sign-in. For the operator who lost the admin password printed at first start.</summary>
public static partial class JishiCli
{
    private static Command ResetPasswordCommand(CliContext cli)
    {
        var user = new Option<string>("--user") { Description = cli["Hall.Cli.ResetPassword.User"], Required = true };
        var password = new Option<string>("--password") { Description = cli["Cli.CreateUser.Password"] };
        var command = new Command("reset-password", cli["Hall.Cli.ResetPassword.Description"]) { user, password };
        command.SetAction((parsed, ct) => cli.RunAsync(async (sp, _) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var name = parsed.GetRequiredValue(user);
            if (await users.FindByNameAsync(name) is not { } account)
            {
                return cli.Fail(new Shared.Error("Hall.Cli.ResetPassword.NoSuchUser", StatusCodes.Status404NotFound, name));
            }
            var given = parsed.GetValue(password);
            var secret = string.IsNullOrEmpty(given) ? DatabaseInitializer.GeneratePassword() : given;
            var valid = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, account, secret)));
            if (valid.FirstOrDefault(r => !r.Succeeded) is { } weak)
            {
                return cli.Fail(new Shared.Error("Hall.Cli.ResetPassword.Refused", StatusCodes.Status400BadRequest,
                    string.Join("；", weak.Errors.Select(e => e.Description))));
            }
            account.PasswordHash = users.PasswordHasher.HashPassword(account, secret);
            account.MustChangePassword = true;
            await users.UpdateSecurityStampAsync(account);
            return string.IsNullOrEmpty(given)
                ? cli.Say("Hall.Cli.ResetPassword.Generated", name, secret)
                : cli.Say("Hall.Cli.ResetPassword.Done", name);
        }, ct));
        return command;
    }
}
