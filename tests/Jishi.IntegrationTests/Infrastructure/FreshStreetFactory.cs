namespace Jishi.IntegrationTests.Infrastructure;

/// <summary>A real street's first start: <c>Jishi:SeedDemo=false</c>, so the database holds one placeholder street, the
/// default tiers and the admin account, and the street's set-up guide has begun.</summary>
public sealed class FreshStreetFactory : JishiFactory
{
    protected override bool SeedDemo => false;
}
