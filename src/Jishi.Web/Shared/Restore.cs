namespace Jishi.Web.Shared;

/// <summary>Puts back what a using block changed (who acts, say) when the block ends.</summary>
public sealed class Restore(Action undo) : IDisposable
{
    public void Dispose() => undo();
}
