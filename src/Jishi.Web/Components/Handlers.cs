using Microsoft.AspNetCore.Components.Authorization;

namespace Jishi.Web.Components;

/// <summary>Runs a feature handler in a scope of its own, as one HTTP request would: a Blazor circuit lives for hours
/// and must not share one DbContext (and its tracked, ageing entities) between operations. The scope's
/// <see cref="Shared.CurrentUser"/> is the signed-in user, so the handler sees exactly the caller's subtree.</summary>
public sealed class Handlers(IServiceScopeFactory scopes, AuthenticationStateProvider auth)
{
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action) where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Shared.CurrentUser>().Set((await auth.GetAuthenticationStateAsync()).User);
        return await action(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
