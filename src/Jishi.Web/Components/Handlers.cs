using Microsoft.AspNetCore.Components.Authorization;

namespace Jishi.Web.Components;

/// <summary>Runs a feature handler in a scope of its own, as one HTTP request would: a Blazor circuit lives for hours
/// and must not share one DbContext (and its tracked, ageing entities) between operations. The scope's
/// <see cref="Shared.CurrentUser"/> is the signed-in user, so the handler sees exactly the caller's subtree. Handlers lives
/// as long as the circuit (or the request of a static page): the token it passes is cancelled when the circuit ends, so
/// the queries of a closed tab stop.</summary>
public sealed class Handlers(IServiceScopeFactory scopes, AuthenticationStateProvider auth) : IDisposable
{
    private readonly CancellationTokenSource _circuit = new();

    /// <summary>Runs <paramref name="action"/> with the circuit's cancellation token.</summary>
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, CancellationToken, Task<TResult>> action) where THandler : notnull
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Shared.CurrentUser>().Set((await auth.GetAuthenticationStateAsync()).User);
        return await action(scope.ServiceProvider.GetRequiredService<THandler>(), _circuit.Token);
    }

    /// <summary>Runs an <paramref name="action"/> that takes no token (a synchronous read).</summary>
    public Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> action) where THandler : notnull =>
        RunAsync<THandler, TResult>((handler, _) => action(handler));

    public void Dispose()
    {
        _circuit.Cancel();
        _circuit.Dispose();
    }
}
