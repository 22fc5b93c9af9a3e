namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>Why a typed or scanned trustee share was refused.</summary>
public enum ShareTextError
{
    None,
    /// <summary>Not 56 characters once spaces and '-' are taken out.</summary>
    Length,
    /// <summary>A character outside 23456789ABCDEFGHJKLMNPQRSTUVWXYZ (0, 1, I, O and the like are never in a share).</summary>
    Character,
    /// <summary>The checksum does not match: a character was mistyped or two were swapped.</summary>
    Checksum,
    /// <summary>The checksum matches but the number is no secret a share can have (0 or at least the group order).</summary>
    Range,
}
