using System.Security.Cryptography;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>The voter's receipt (Helios' smart ballot tracker): the SHA-256 of the ballot's sealed bytes (the caller
/// concatenates its sealed choices in a fixed order). <see cref="Text"/> is its first 60 bits in 12 characters of
/// <see cref="Base32"/>, three blocks of 4, for the phone and the published list; <see cref="Hash"/> is all of it, in hex.</summary>
public sealed record BallotTracker(string Text, string Hash)
{
    private const int TextCharacters = 12;

    public static BallotTracker Of(ReadOnlySpan<byte> sealedBallot)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(sealedBallot, digest);
        return new BallotTracker(Base32.Grouped(Base32.Encode(digest, TextCharacters)), Convert.ToHexStringLower(digest));
    }
}
