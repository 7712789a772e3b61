namespace Auth.Testing.Clouds;

/// <summary>One Entra ID cloud as instance discovery describes it: the hosts that share tokens, and which to use.</summary>
/// <param name="PreferredNetwork">The alias clients should send requests to.</param>
/// <param name="PreferredCache">The alias clients should key their token cache on.</param>
/// <param name="Aliases">Every host of the cloud, the preferred ones included.</param>
/// <param name="CloudInstanceName">The <c>cloud_instance_name</c> of the cloud's discovery documents.</param>
internal sealed record CloudGroup(string PreferredNetwork, string PreferredCache, IReadOnlyList<string> Aliases, string CloudInstanceName)
{
    public bool Contains(string host) => Aliases.Contains(host, StringComparer.OrdinalIgnoreCase);
}
