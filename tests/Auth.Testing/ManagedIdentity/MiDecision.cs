using System.Diagnostics.CodeAnalysis;
using Auth.Testing.Http;

namespace Auth.Testing.ManagedIdentity;

/// <summary>The outcome of checking a request against a source's rules: the identity and resource to issue for, or the refusal.</summary>
internal sealed class MiDecision
{
    private MiDecision(HttpReply? refusal, FakeManagedIdentity? identity, string resource)
    {
        Refusal = refusal;
        Identity = identity;
        Resource = resource;
    }

    public HttpReply? Refusal { get; }

    public FakeManagedIdentity? Identity { get; }

    /// <summary>The <c>resource</c> as sent.</summary>
    public string Resource { get; }

    [MemberNotNullWhen(true, nameof(Identity))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Accepted => Refusal is null;

    public static MiDecision Accept(FakeManagedIdentity identity, string resource) => new(null, identity, resource);

    public static MiDecision Refuse(HttpReply refusal) => new(refusal, null, string.Empty);
}
