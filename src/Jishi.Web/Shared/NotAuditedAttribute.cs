namespace Jishi.Web.Shared;

/// <summary>Keeps an entity out of the audit log. Only for data whose audit trail would itself do harm: anonymous
/// ballots and their tokens, whose insert and use times side by side would tell who voted what.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
