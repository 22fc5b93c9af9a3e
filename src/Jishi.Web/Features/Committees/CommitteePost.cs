namespace Jishi.Web.Features.Committees;

/// <summary>书记, 副书记, 委员.</summary>
public enum CommitteePost
{
    Secretary = 0,
    DeputySecretary = 1,
    Member = 2,
}
