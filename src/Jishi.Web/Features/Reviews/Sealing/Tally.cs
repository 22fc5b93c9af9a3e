namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>The encrypted tally: for each group of sealed choices (one subject, dimension and voter group), the
/// option-wise sums of their ciphertexts. The work is cut into blocks of choices spread over every core, whatever the
/// groups' sizes, and the blocks' sums are added per group at the end.</summary>
public static class Tally
{
    private const int BlockSize = 2048;

    /// <summary>Sums encoded sealed choices (<see cref="SealedChoice.ToBytes"/>) of <paramref name="options"/> options:
    /// the result's [g][i] is the sum of option i over group g. Only the ciphertexts are read (the proofs were checked when
    /// the choices were sealed or read); a choice of another length or count throws <see cref="FormatException"/>, one
    /// whose points are not points of P-256 <see cref="InvalidDataException"/>.</summary>
    public static Ciphertext[][] SumChoices(IReadOnlyList<IReadOnlyList<byte[]>> groups, int options)
    {
        var length = SealedChoice.LengthFor(options);
        if (groups.SelectMany(choices => choices).Any(choice => choice.Length != length || choice[0] != options))
            throw new FormatException($"A sealed choice of {options} options takes {length} bytes starting with {options}.");
        var blocks = groups.SelectMany((choices, g) =>
            Enumerable.Range(0, (choices.Count + BlockSize - 1) / BlockSize).Select(k => (Group: g, Start: k * BlockSize))).ToArray();
        var blockSums = new CiphertextSum[blocks.Length][];
        try
        {
            Parallel.For(0, blocks.Length, k => blockSums[k] = SumBlock(groups[blocks[k].Group], blocks[k].Start, options));
        }
        catch (AggregateException e) when (e.InnerException is FormatException format)
        {
            throw new InvalidDataException(format.Message, format);
        }
        var totals = groups.Select(_ => NewSums(options)).ToArray();
        for (var k = 0; k < blocks.Length; k++)
        {
            for (var i = 0; i < options; i++)
                totals[blocks[k].Group][i].Add(blockSums[k][i]);
        }
        return Array.ConvertAll(totals, sums => Array.ConvertAll(sums, s => s.Total()));
    }

    private static CiphertextSum[] SumBlock(IReadOnlyList<byte[]> choices, int start, int options)
    {
        var sums = NewSums(options);
        for (var n = start; n < Math.Min(start + BlockSize, choices.Count); n++)
        {
            for (var i = 0; i < options; i++)
                sums[i].AddEncoded(choices[n].AsSpan(SealedChoice.CiphertextOffset(i), Ciphertext.Length));
        }
        return sums;
    }

    private static CiphertextSum[] NewSums(int options) => [.. Enumerable.Range(0, options).Select(_ => new CiphertextSum())];
}
