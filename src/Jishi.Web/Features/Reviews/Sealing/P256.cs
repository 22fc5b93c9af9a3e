using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;
using Org.BouncyCastle.Math.EC.Multiplier;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Utilities;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>The group every sealed ballot lives in: P-256 (secp256r1, prime order, cofactor 1, so a point on the curve is
/// in the group) through BouncyCastle's optimised implementation. Points are written uncompressed (65 bytes) where the
/// tally reads them by the million (no square root to decode) and compressed (33 bytes) elsewhere.</summary>
public static class P256
{
    public const int ScalarLength = 32;
    public const int PointLength = 65;
    public const int CompressedPointLength = 33;

    private static readonly ECCurve curve;
    private static readonly ThreadLocal<SecureRandom> random = new(() => new SecureRandom());
    private static readonly FixedPointCombMultiplier comb = new();

    static P256()
    {
        var parameters = CustomNamedCurves.GetByName("secp256r1");
        curve = parameters.Curve;
        G = parameters.G;
        Order = parameters.N;
        Precompute(G);
    }

    public static ECPoint G { get; }
    public static BigInteger Order { get; }
    public static ECPoint Infinity => curve.Infinity;

    /// <summary>A uniformly random scalar in [1, q − 1].</summary>
    public static BigInteger RandomScalar() =>
        BigIntegers.CreateRandomInRange(BigInteger.One, Order.Subtract(BigInteger.One), random.Value!);

    /// <summary>Builds the fixed-base comb table of a point used again and again (G, a joint key); <see cref="Multiply"/>
    /// then uses it.</summary>
    internal static void Precompute(ECPoint point) => FixedPointUtilities.Precompute(point);

    /// <summary>k·P, through the point's comb table when it has one.</summary>
    public static ECPoint Multiply(ECPoint point, BigInteger k) =>
        curve.GetPreCompInfo(point, FixedPointUtilities.PRECOMP_NAME) is null ? point.Multiply(k) : comb.Multiply(point, k);

    public static ECPoint MultiplyG(BigInteger k) => comb.Multiply(G, k);

    /// <summary>a·P + b·Q (a verifier's check: one interleaved multiplication).</summary>
    public static ECPoint SumOfTwoMultiplies(ECPoint p, BigInteger a, ECPoint q, BigInteger b) =>
        ECAlgorithms.SumOfTwoMultiplies(p, a, q, b);

    /// <summary>One field inversion for all the points instead of one each.</summary>
    public static void NormalizeAll(ECPoint[] points) => curve.NormalizeAll(points);

    /// <summary>Writes a point in 65 bytes, 04‖x‖y, or 65 zero bytes for the identity.</summary>
    public static void WritePoint(ECPoint point, Span<byte> destination)
    {
        if (point.IsInfinity)
            destination[..PointLength].Clear();
        else
            point.EncodeTo(false, destination[..PointLength]);
    }

    /// <summary>Writes a point in 33 bytes, 02/03‖x, or 33 zero bytes for the identity.</summary>
    public static void WriteCompressedPoint(ECPoint point, Span<byte> destination)
    {
        if (point.IsInfinity)
            destination[..CompressedPointLength].Clear();
        else
            point.EncodeTo(true, destination[..CompressedPointLength]);
    }

    /// <summary>Reads a point written by <see cref="WritePoint"/> or <see cref="WriteCompressedPoint"/> (the length of the
    /// span tells which), checked to be on the curve; the identity only where <paramref name="allowInfinity"/>.</summary>
    public static ECPoint ReadPoint(ReadOnlySpan<byte> source, bool allowInfinity)
    {
        if (source.Length is not (PointLength or CompressedPointLength))
            throw new FormatException($"A point takes {PointLength} or {CompressedPointLength} bytes, not {source.Length}.");
        if (source.IndexOfAnyExcept((byte)0) < 0)
            return allowInfinity ? curve.Infinity : throw new FormatException("The identity is not allowed here.");
        try
        {
            return curve.DecodePoint(source);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Not a point of P-256.", e);
        }
    }

    /// <summary>Reads an uncompressed point without checking the curve equation: the tally's fast path, which checks the
    /// sum instead (<see cref="CiphertextSum"/>). Coordinates out of the field still throw.</summary>
    internal static ECPoint ReadPointUnchecked(ReadOnlySpan<byte> source)
    {
        if (source[0] != 4)
            throw new FormatException("An uncompressed point starts with 04.");
        try
        {
            return curve.CreatePoint(new BigInteger(1, source.Slice(1, 32)), new BigInteger(1, source.Slice(33, 32)));
        }
        catch (ArgumentException e)
        {
            throw new FormatException("A coordinate is outside the field.", e);
        }
    }

    public static void WriteScalar(BigInteger k, Span<byte> destination) =>
        BigIntegers.AsUnsignedByteArray(k, destination[..ScalarLength]);

    /// <summary>Reads a 32-byte big-endian scalar, refused unless below the group order.</summary>
    public static BigInteger ReadScalar(ReadOnlySpan<byte> source)
    {
        var k = new BigInteger(1, source[..ScalarLength]);
        return k.CompareTo(Order) < 0 ? k : throw new FormatException("A scalar must be below the group order.");
    }
}
