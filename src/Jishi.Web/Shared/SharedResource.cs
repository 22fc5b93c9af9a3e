namespace Jishi.Web.Shared;

/// <summary>Marker type of the user-visible strings in Resources/SharedResource.*.resx
/// (zh-CN is the neutral resource, English the satellite).</summary>
public sealed class SharedResource;
