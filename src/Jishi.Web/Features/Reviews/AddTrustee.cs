using Jishi.Web.Data;
using Jishi.Web.Features.Reviews.Sealing;
using Jishi.Web.Shared;

namespace Jishi.Web.Features.Reviews;

/// <summary>POST /api/reviews/{id}/trustees and DELETE …/{trusteeId}: the people who will hold the shares of the ballot key
/// (ADR-015), named in Draft. The share is made here and answered once (to be shown as a QR code and printed); only its
/// public part is stored. A trustee who made their share elsewhere sends the public part (base64 of
/// <see cref="PublicShare.ToBytes"/>) and gets no share back.</summary>
public sealed class AddTrustee(JishiDbContext db, ReviewQueries queries)
{
    public sealed record Request(string? Name, string? PublicShare = null);

    /// <param name="Share">The secret share's text, shown this once; null when the trustee sent their own public share.</param>
    public sealed record Response(int Id, string Name, string? Share);

    public async Task<Result<Response>> HandleAsync(int id, Request request, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        var name = request.Name?.Trim() ?? "";
        var context = SealedBallot.TrusteeContext(campaign.Id, name);
        TrusteeShare? made = null;
        PublicShare publicShare;
        if (request.PublicShare is { Length: > 0 } given)
        {
            if (Parse(given) is not { } parsed || !parsed.Verify(context))
            {
                return new ValidationError([new FieldProblem("publicShare", "Sealing.PublicShareInvalid")]);
            }
            publicShare = parsed;
        }
        else
        {
            made = TrusteeShare.Create();
            publicShare = made.Prove(context);
        }
        if (campaign.AddTrustee(name, publicShare.ToBytes()) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(ct);
        var trustee = campaign.Trustees.Single(t => t.Name == name);
        return new Response(trustee.Id, trustee.Name, made?.ToText());
    }

    public async Task<Result<bool>> RemoveAsync(int id, int trusteeId, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } campaign)
        {
            return Error.NotFound("Entity.Review");
        }
        if (campaign.RemoveTrustee(trusteeId) is { } refused)
        {
            return refused;
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static PublicShare? Parse(string base64)
    {
        try
        {
            return PublicShare.FromBytes(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
