using System.Buffers.Binary;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>Finds the small m with M = m·G, 0 ≤ m ≤ <see cref="Max"/>, by baby-step giant-step: a table of j·G for
/// j &lt; T (T = min(Max + 1, 2¹⁴), keyed by 64 bits of x), then M − i·T·G for i = 0, 1, … until one is in the table;
/// at most 62 steps for a million. Build one (about 50 ms for the full table) and use it for every sum; thread-safe
/// once built.</summary>
public sealed class DiscreteLog
{
    private const int TableLimit = 1 << 14;

    private readonly Dictionary<ulong, int> table;
    private readonly ECPoint[] points;
    private readonly ECPoint giantStep;

    public DiscreteLog(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        Max = max;
        var size = Math.Min(max + 1, TableLimit);
        points = new ECPoint[size];
        points[0] = P256.Infinity;
        for (var j = 1; j < size; j++)
            points[j] = points[j - 1].Add(P256.G);
        P256.NormalizeAll(points);
        table = new Dictionary<ulong, int>(size);
        for (var j = 1; j < size; j++)
            table.TryAdd(Key(points[j]), j);
        giantStep = P256.MultiplyG(BigInteger.ValueOf(size)).Negate();
    }

    public int Max { get; }

    public bool TryFind(ECPoint m, out int value)
    {
        var candidate = m;
        for (var start = 0; start <= Max; start += points.Length)
        {
            candidate = candidate.Normalize();
            var found = candidate.IsInfinity ? 0 : table.GetValueOrDefault(Key(candidate), -1);
            if (found >= 0 && points[found].Equals(candidate) && start + found <= Max)
            {
                value = start + found;
                return true;
            }
            candidate = candidate.Add(giantStep);
        }
        value = -1;
        return false;
    }

    private static ulong Key(ECPoint affine)
    {
        Span<byte> x = stackalloc byte[32];
        affine.AffineXCoord.EncodeTo(x);
        return BinaryPrimitives.ReadUInt64LittleEndian(x);
    }
}
