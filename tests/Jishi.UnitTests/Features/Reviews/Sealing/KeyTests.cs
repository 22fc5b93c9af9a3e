using Jishi.Web.Features.Reviews.Sealing;
using static Jishi.UnitTests.Features.Reviews.Sealing.SealingTestData;

namespace Jishi.UnitTests.Features.Reviews.Sealing;

public sealed class KeyTests
{
    [Fact]
    public void Verify_PublicShare_OnlyInItsContext()
    {
        var share = TrusteeShare.Create();
        var publicShare = share.Prove(Context("campaign 7 trustee 0"));
        Assert.True(publicShare.Verify(Context("campaign 7 trustee 0")));
        Assert.False(publicShare.Verify(Context("campaign 7 trustee 1")));
        Assert.False(publicShare.Verify(Context("campaign 8 trustee 0")));
    }

    [Fact]
    public void Verify_RogueKeyWithoutSecret_False()
    {
        // The rogue key attack: trustee 2 announces X₂ = Y − X₁ to control the joint key, but knows no log of X₂, so it
        // can only copy a proof from a share it does know.
        var honest = TrusteeShare.Create().Prove(Context("t1"));
        var mine = TrusteeShare.Create();
        var rogue = mine.PublicKey.Subtract(honest.Point);
        var bytes = mine.Prove(Context("t2")).ToBytes();
        P256.WriteCompressedPoint(rogue.Normalize(), bytes);
        Assert.False(PublicShare.FromBytes(bytes).Verify(Context("t2")));
    }

    [Fact]
    public void FromBytes_PublicShare_RoundTripAndGarbageRefused()
    {
        var publicShare = TrusteeShare.Create().Prove(Context("c"));
        var bytes = publicShare.ToBytes();
        Assert.Equal(97, bytes.Length);
        var read = PublicShare.FromBytes(bytes);
        Assert.Equal(bytes, read.ToBytes());
        Assert.True(read.Verify(Context("c")));
        Assert.Throws<FormatException>(() => PublicShare.FromBytes(bytes.AsSpan(0, 96)));
        var badPrefix = (byte[])bytes.Clone();
        badPrefix[0] = 5;
        Assert.Throws<FormatException>(() => PublicShare.FromBytes(badPrefix));
    }

    [Fact]
    public void FromBytes_JointKey_RoundTripAndGarbageRefused()
    {
        var key = Trustees(3).Key;
        var bytes = key.ToBytes();
        Assert.Equal(33, bytes.Length);
        Assert.Equal(key.Point, JointKey.FromBytes(bytes).Point);
        Assert.Throws<FormatException>(() => JointKey.FromBytes(new byte[33]));
        Assert.Throws<FormatException>(() => JointKey.FromBytes(bytes.AsSpan(1)));
    }

    [Fact]
    public void Combine_Shares_SumOfPublicKeys()
    {
        var (shares, publicShares, key) = Trustees(3);
        var expected = shares.Aggregate(P256.Infinity, (s, share) => s.Add(share.PublicKey)).Normalize();
        Assert.Equal(expected, key.Point);
        Assert.Equal(expected, JointKey.Combine(publicShares.Reverse().ToArray()).Point);
    }

    [Fact]
    public void TryParse_Text_RoundTrip()
    {
        var share = TrusteeShare.Create();
        var text = share.ToText();
        Assert.Matches("^([23456789A-HJ-NP-Z]{4}-){13}[23456789A-HJ-NP-Z]{4}$", text);
        Assert.True(TrusteeShare.TryParse(text, out var read, out var error));
        Assert.Equal(ShareTextError.None, error);
        Assert.Equal(share.PublicKey, read.PublicKey);
        // As typed: lower case, spaces instead of dashes.
        Assert.True(TrusteeShare.TryParse(" " + text.Replace('-', ' ').ToLowerInvariant() + "\n", out var typed, out _));
        Assert.Equal(share.PublicKey, typed.PublicKey);
    }

    [Fact]
    public void TryParse_EveryOneCharacterTypo_ChecksumError()
    {
        var text = TrusteeShare.Create().ToText().Replace("-", "");
        for (var i = 0; i < text.Length; i++)
        {
            var other = text[i] == 'A' ? 'B' : 'A';
            var typo = string.Concat(text.AsSpan(0, i), other.ToString(), text.AsSpan(i + 1));
            Assert.False(TrusteeShare.TryParse(typo, out var share, out var error));
            Assert.Null(share);
            Assert.Equal(ShareTextError.Checksum, error);
        }
    }

    [Fact]
    public void TryParse_SwappedNeighbours_ChecksumError()
    {
        var text = TrusteeShare.Create().ToText().Replace("-", "");
        var i = Enumerable.Range(0, text.Length - 1).First(k => text[k] != text[k + 1]);
        var swapped = string.Concat(text.AsSpan(0, i), text[i + 1].ToString(), text[i].ToString(), text.AsSpan(i + 2));
        Assert.False(TrusteeShare.TryParse(swapped, out _, out var error));
        Assert.Equal(ShareTextError.Checksum, error);
    }

    [Theory]
    [InlineData("O", ShareTextError.Character)]
    [InlineData("1", ShareTextError.Character)]
    [InlineData("", ShareTextError.Length)]
    [InlineData("AB", ShareTextError.Length)]
    public void TryParse_BadCharacterOrLength_Reported(string replacement, ShareTextError expected)
    {
        var text = TrusteeShare.Create().ToText().Replace("-", "");
        var bad = string.Concat(replacement, text.AsSpan(1));
        Assert.False(TrusteeShare.TryParse(bad, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Of_SameBytes_SameTracker()
    {
        var key = Trustees(1).Key;
        var ballot = SealedChoice.Seal(0, Grades, key, Context("s")).ToBytes();
        var tracker = BallotTracker.Of(ballot);
        Assert.Matches("^[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}$", tracker.Text);
        Assert.Equal(64, tracker.Hash.Length);
        Assert.Equal(tracker, BallotTracker.Of(ballot));
        ballot[^1] ^= 1;
        Assert.NotEqual(tracker.Text, BallotTracker.Of(ballot).Text);
    }

    [Fact]
    public void FromBytes_Ciphertext_RoundTripAndGarbageRefused()
    {
        var key = Trustees(1).Key;
        var c = Ciphertext.Encrypt(1, key);
        var bytes = c.ToBytes();
        Assert.Equal(130, bytes.Length);
        Assert.Equal(c, Ciphertext.FromBytes(bytes));
        Assert.Equal(Ciphertext.Zero, Ciphertext.FromBytes(new byte[130]));
        Assert.Equal(new byte[130], Ciphertext.Zero.ToBytes());
        Assert.Throws<FormatException>(() => Ciphertext.FromBytes(bytes.AsSpan(0, 129)));
        bytes[100] ^= 1;
        Assert.Throws<FormatException>(() => Ciphertext.FromBytes(bytes));
    }

    [Fact]
    public void Add_Ciphertexts_SealsTheSum()
    {
        var (shares, _, key) = Trustees(1);
        var sum = Ciphertext.Encrypt(2, key).Add(Ciphertext.Encrypt(3, key)).Add(Ciphertext.Zero);
        var part = PartialDecryption.Create(shares[0], sum, Context("s"));
        Assert.True(PartialDecryption.TryCombine(sum, [part], new DiscreteLog(10), out var m));
        Assert.Equal(5, m);
    }

    [Fact]
    public void FromBytes_PartialDecryption_RoundTripAndGarbageRefused()
    {
        var (shares, publicShares, key) = Trustees(1);
        var sum = Ciphertext.Encrypt(2, key);
        var bytes = PartialDecryption.Create(shares[0], sum, Context("s")).ToBytes();
        Assert.Equal(97, bytes.Length);
        var read = PartialDecryption.FromBytes(bytes);
        Assert.Equal(bytes, read.ToBytes());
        Assert.True(read.Verify(publicShares[0].Point, sum, Context("s")));
        Assert.Throws<FormatException>(() => PartialDecryption.FromBytes(bytes.AsSpan(0, 90)));
        bytes[40] ^= 1;
        Assert.False(PartialDecryption.FromBytes(bytes).Verify(publicShares[0].Point, sum, Context("s")));
    }
}
