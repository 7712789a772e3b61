namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Picks the identity a request names: none names the system-assigned identity (unless the source requires one);
/// a parameter the source does not accept, or more than one, is refused with 400, as is an identity not assigned.
/// </summary>
internal sealed class IdentitySelector
{
    private readonly SourceRules _rules;
    private readonly IdentityDirectory _directory;

    public IdentitySelector(SourceRules rules, IdentityDirectory directory)
    {
        _rules = rules;
        _directory = directory;
    }

    public MiDecision Select(MiCall call, string resource)
    {
        var named = SourceRules.KnownIdParameters
            .Select(name => (Name: name, Value: call.Query(name) ?? call.Request.Form.GetValueOrDefault(name)))
            .Where(parameter => parameter.Value is not null)
            .ToList();

        var unsupported = named.FirstOrDefault(parameter => !_rules.IdParameters.ContainsKey(parameter.Name));
        if (unsupported.Name is not null)
        {
            return Refuse(_rules.IdParameters.Count == 0
                ? $"User-assigned managed identities are not supported by this source ('{unsupported.Name}' given); omit the identity to use the system-assigned one."
                : $"The identity parameter '{unsupported.Name}' is not supported by this source; use {string.Join(", ", _rules.IdParameters.Keys)}.");
        }

        if (named.Count > 1)
        {
            return Refuse("Only one identity parameter may be given.");
        }

        if (named.Count == 0)
        {
            return _rules.RequiresId
                ? Refuse($"Required parameter '{_rules.IdParameters.Keys.First()}' not specified.")
                : MiDecision.Accept(_directory.SystemAssigned, resource);
        }

        var (name, value) = named[0];
        var identity = _directory.Find(_rules.IdParameters[name], value!, includeSystemAssigned: _rules.RequiresId);
        return identity is null ? Refuse(_rules.UnknownIdentityMessage) : MiDecision.Accept(identity, resource);
    }

    private MiDecision Refuse(string message) =>
        MiDecision.Refuse(MiErrors.Write(_rules.ErrorShape, 400, _rules.BadRequestCode, message));
}
