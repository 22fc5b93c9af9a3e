namespace Jishi.Web.Features.Setup;

/// <summary>A street's own state of the set-up guide: what the data cannot tell (the steps put aside, the tiers looked
/// at and kept, the guide dismissed). One row per street; a fresh install without the demo creates it.</summary>
public sealed class SetupProgress
{
    private SetupProgress() { }

    public SetupProgress(int streetId) => StreetId = streetId;

    public int Id { get; private set; }
    public int StreetId { get; private set; }

    /// <summary>One bit per <see cref="SetupStep"/>.</summary>
    public int SkippedSteps { get; private set; }

    public bool TiersConfirmed { get; private set; }
    public bool Dismissed { get; private set; }

    public IReadOnlySet<SetupStep> Skipped => SetupGuide.Steps.Where(s => (SkippedSteps & Bit(s)) != 0).ToHashSet();

    public void Skip(SetupStep step) => SkippedSteps |= Bit(step);

    public void Resume(SetupStep step) => SkippedSteps &= ~Bit(step);

    public void ConfirmTiers() => TiersConfirmed = true;

    public void Dismiss() => Dismissed = true;

    private static int Bit(SetupStep step) => 1 << (int)step;
}
