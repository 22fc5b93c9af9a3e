using System.Text;

namespace Jishi.Web.Features.Reviews.Sealing;

/// <summary>Base32 over the ballot codes' unambiguous alphabet (no 0, 1, I or O), 5 bits a character, most significant
/// first, written in blocks of 4 for reading aloud and typing.</summary>
internal static class Base32
{
    private const string Alphabet = BallotToken.Alphabet;
    private const char Separator = '-';

    /// <summary>The first <paramref name="characters"/> characters of the bytes' bit string.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, int characters)
    {
        var text = new StringBuilder(characters);
        for (var i = 0; i < characters; i++)
            text.Append(Alphabet[Bits(bytes, i * 5)]);
        return text.ToString();
    }

    /// <summary>Decodes the characters into <paramref name="destination"/> (bits beyond its end are dropped); the index
    /// of the first character outside the alphabet, or −1.</summary>
    public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        destination.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            var value = Alphabet.IndexOf(text[i], StringComparison.Ordinal);
            if (value < 0)
                return i;
            for (var bit = 0; bit < 5; bit++)
            {
                var position = i * 5 + bit;
                if ((value & (0x10 >> bit)) != 0 && position < destination.Length * 8)
                    destination[position / 8] |= (byte)(0x80 >> (position % 8));
            }
        }
        return -1;
    }

    /// <summary>Blocks of 4 joined by '-'.</summary>
    public static string Grouped(string text) => string.Join(Separator, text.Chunk(4).Select(c => new string(c)));

    /// <summary>What a person typed, without spaces and separators, in upper case.</summary>
    public static string Normalized(string typed) =>
        string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c != Separator).Select(char.ToUpperInvariant));

    private static int Bits(ReadOnlySpan<byte> bytes, int start)
    {
        var value = 0;
        for (var bit = start; bit < start + 5; bit++)
        {
            var set = bit < bytes.Length * 8 && (bytes[bit / 8] & (0x80 >> (bit % 8))) != 0;
            value = (value << 1) | (set ? 1 : 0);
        }
        return value;
    }
}
