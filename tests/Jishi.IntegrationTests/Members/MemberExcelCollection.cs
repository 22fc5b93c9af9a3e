using Jishi.IntegrationTests.Infrastructure;

namespace Jishi.IntegrationTests.Members;

/// <summary>The roster workbook tests add communities and thousands of members; they get a database of their own so
/// that tests counting the demo's units and members (9 communities, about 600 members) see it as seeded.</summary>
[CollectionDefinition(Name)]
public sealed class MemberExcelCollection : ICollectionFixture<JishiFactory>
{
    public const string Name = "member-excel";
}
