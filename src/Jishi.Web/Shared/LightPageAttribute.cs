namespace Jishi.Web.Shared;

/// <summary>Marks a page for phones on weak networks, paper and the projector: App.razor then sends it without the
/// component framework's stylesheet and scripts (plain HTML forms work without them).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LightPageAttribute : Attribute;
