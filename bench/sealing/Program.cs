using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jishi.Bench;
using Jishi.Web.Features.Reviews.Sealing;

// The sealed ballots' cryptography on its own (issue 15): what one ballot costs to seal and to verify, and the tally of
// BALLOTS ballots of SUBJECTS subjects graded among 4, cast in GROUPS voter groups and decrypted by TRUSTEES trustees.
// The tally's input is SealedChoice bytes as stored; they are drawn from a pool of honestly sealed choices (sealing 900,000
// would take most of an hour), which costs the tally exactly what distinct ones would: every ciphertext is decoded and
// added afresh. The counts decrypted are checked against the grades drawn.
// Usage: Jishi.Bench.Sealing.dll [--ballots N] [--subjects N] [--groups N] [--trustees N]
string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
int Number(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
var ballots = Number("--ballots", 100_000);
var subjects = Number("--subjects", 9);
var groups = Number("--groups", 4);
var trustees = Number("--trustees", 3);
const int grades = 4;
const int poolPerGrade = 64;
byte[] Context(string text) => Encoding.UTF8.GetBytes(text);
Console.WriteLine($"sealing bench: {ballots:N0} ballots × {subjects} subjects × {grades} grades = {(long)ballots * subjects * grades:N0} ciphertexts, "
    + $"{groups} voter groups, {trustees} trustees; {Environment.ProcessorCount} cores; load average {BenchServer.LoadAverage()}");

var watch = Stopwatch.StartNew();
var shares = Enumerable.Range(0, trustees).Select(_ => TrusteeShare.Create()).ToArray();
var publicShares = shares.Select((s, i) => s.Prove(Context($"bench trustee {i}"))).ToArray();
var key = JointKey.Combine(publicShares);
Console.WriteLine($"keys: {trustees} shares with proofs and the joint key's comb table in {watch.Elapsed.TotalMilliseconds:F1} ms");

// Decoding a point: compressed (a square root) against uncompressed (the curve equation), the reason ciphertexts are
// written uncompressed.
var sample = Enumerable.Range(0, 2000).Select(_ => Ciphertext.Encrypt(0, key).B.Normalize()).ToArray();
foreach (var compressed in new[] { true, false })
{
    var encoded = sample.Select(p => p.GetEncoded(compressed)).ToArray();
    foreach (var e in encoded)
        P256.ReadPoint(e, allowInfinity: false);
    watch.Restart();
    for (var round = 0; round < 5; round++)
    {
        foreach (var e in encoded)
            P256.ReadPoint(e, allowInfinity: false);
    }
    Console.WriteLine($"decode one point, {(compressed ? "compressed (33 bytes)" : "uncompressed (65 bytes)")}: "
        + $"{watch.Elapsed.TotalMicroseconds / (5 * encoded.Length):F2} µs");
}

// One ballot: a sealed choice per subject, each bound to its subject.
var ballotContexts = Enumerable.Range(0, subjects).Select(s => Context($"bench campaign subject {s} dimension 0")).ToArray();
SealedChoice[] SealBallot() => [.. ballotContexts.Select((c, s) => SealedChoice.Seal(s % grades, grades, key, c))];
SealBallot();
const int rounds = 10;
watch.Restart();
var sealedBallots = Enumerable.Range(0, rounds).Select(_ => SealBallot()).ToArray();
var sealMs = watch.Elapsed.TotalMilliseconds / rounds;
watch.Restart();
var allValid = sealedBallots.All(b => b.Select((choice, s) => choice.Verify(key, ballotContexts[s])).All(ok => ok));
var verifyMs = watch.Elapsed.TotalMilliseconds / rounds;
var ballotBytes = sealedBallots[0].Sum(c => c.ToBytes().Length);
Console.WriteLine($"one ballot of {subjects} subjects: seal {sealMs:F1} ms, verify {verifyMs:F1} ms (all valid: {allValid}), {ballotBytes:N0} bytes "
    + $"(tracker {BallotTracker.Of(sealedBallots[0].SelectMany(c => c.ToBytes()).ToArray()).Text}); mean of {rounds}");

// The pool, then the stored choices per (subject, voter group), drawn with a fixed seed.
watch.Restart();
var pool = Enumerable.Range(0, grades).Select(g => Enumerable.Range(0, poolPerGrade)
    .Select(_ => SealedChoice.Seal(g, grades, key, ballotContexts[0]).ToBytes()).ToArray()).ToArray();
var random = new Random(15);
var stored = Enumerable.Range(0, subjects * groups).Select(_ => new List<byte[]>()).ToArray();
var expected = new int[subjects * groups, grades];
for (var b = 0; b < ballots; b++)
{
    var group = random.Next(groups);
    for (var s = 0; s < subjects; s++)
    {
        var grade = random.Next(10) switch { < 5 => 0, < 8 => 1, < 9 => 2, _ => 3 };
        stored[s * groups + group].Add(pool[grade][random.Next(poolPerGrade)]);
        expected[s * groups + group, grade]++;
    }
}
Console.WriteLine($"data: pool of {grades * poolPerGrade} sealed choices and {ballots * subjects:N0} stored choices in {subjects * groups} sums of {grades} "
    + $"in {watch.Elapsed.TotalSeconds:F1} s (not part of the tally)");

var total = Stopwatch.StartNew();
var log = new DiscreteLog(1_000_000);
var tableMs = total.Elapsed.TotalMilliseconds;
watch.Restart();
var sums = Tally.SumChoices(stored, grades);
var sumS = watch.Elapsed.TotalSeconds;
watch.Restart();
var sumContexts = Enumerable.Range(0, sums.Length * grades).Select(k => Context($"bench campaign sum {k}")).ToArray();
var flat = sums.SelectMany(s => s).ToArray();
var parts = new PartialDecryption[flat.Length][];
var partsValid = true;
Parallel.For(0, flat.Length, k =>
{
    parts[k] = [.. shares.Select(share => PartialDecryption.Create(share, flat[k], sumContexts[k]))];
    if (!parts[k].Select((p, i) => p.Verify(publicShares[i].Point, flat[k], sumContexts[k])).All(ok => ok))
        partsValid = false;
});
var decryptS = watch.Elapsed.TotalSeconds;
watch.Restart();
var wrong = 0;
for (var k = 0; k < flat.Length; k++)
{
    if (!PartialDecryption.TryCombine(flat[k], parts[k], log, out var count) || count != expected[k / grades, k % grades])
        wrong++;
}
var logS = watch.Elapsed.TotalSeconds;
var totalS = total.Elapsed.TotalSeconds;
Console.WriteLine($"tally: discrete-log table {tableMs:F0} ms; sum of {(long)ballots * subjects * grades:N0} ciphertexts from bytes {sumS:F2} s; "
    + $"{flat.Length} sums × {trustees} partial decryptions with proofs, verified, {decryptS:F2} s; combine and discrete logs {logS:F3} s");
Console.WriteLine($"sum + decrypt {ballots:N0} ballots: {totalS:F2} s (target < 10 s); counts wrong: {wrong} of {flat.Length}; proofs valid: {partsValid}; "
    + $"load average {BenchServer.LoadAverage()}");
return wrong == 0 && partsValid && allValid ? 0 : 1;
