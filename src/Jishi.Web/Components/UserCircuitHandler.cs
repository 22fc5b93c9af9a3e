using Jishi.Web.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Jishi.Web.Components;

/// <summary>A circuit has no HttpContext after it starts: hands the circuit's user to <see cref="CurrentUser"/>, so a
/// handler injected straight into an interactive component is still scoped to the caller's subtree.</summary>
public sealed class UserCircuitHandler(AuthenticationStateProvider auth, CurrentUser user) : CircuitHandler, IDisposable
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        auth.AuthenticationStateChanged += OnChanged;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken) =>
        user.Set((await auth.GetAuthenticationStateAsync()).User);

    private void OnChanged(Task<AuthenticationState> state) => _ = SetAsync(state);

    private async Task SetAsync(Task<AuthenticationState> state) => user.Set((await state).User);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}
