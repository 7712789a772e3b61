using System.Collections.Immutable;

namespace Auth.Testing.ManagedIdentity;

/// <summary>The thread-safe set of identities one endpoint serves: the system-assigned one and the user-assigned ones.</summary>
internal sealed class IdentityDirectory
{
    private ImmutableList<FakeManagedIdentity> _userAssigned = [];
    private int _count;

    public IdentityDirectory(FakeManagedIdentitySource source)
    {
        SystemAssigned = new FakeManagedIdentity(NewId(), NewId(), $"/subscriptions/{NewId()}/resourcegroups/rg/providers/{HostResource(source)}");
    }

    public FakeManagedIdentity SystemAssigned { get; }

    public IReadOnlyList<FakeManagedIdentity> UserAssigned => _userAssigned;

    /// <exception cref="ArgumentException">The name is empty or holds a character other than a letter, digit, '-' or '_'.</exception>
    public FakeManagedIdentity AddUserAssigned(string? name)
    {
        var number = Interlocked.Increment(ref _count);
        name ??= $"identity{number}";
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("An identity name holds letters, digits, '-' and '_' only.", nameof(name));
        }

        var identity = new FakeManagedIdentity(NewId(), NewId(), $"/subscriptions/{NewId()}/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}");
        ImmutableInterlocked.Update(ref _userAssigned, static (list, added) => list.Add(added), identity);
        return identity;
    }

    /// <summary>The user-assigned identity named so (GUIDs and resource ids compared case-insensitively), or the system-assigned one when allowed and it matches.</summary>
    public FakeManagedIdentity? Find(IdKind kind, string value, bool includeSystemAssigned)
    {
        IEnumerable<FakeManagedIdentity> candidates = includeSystemAssigned ? [SystemAssigned, .. _userAssigned] : _userAssigned;
        return candidates.FirstOrDefault(identity => string.Equals(Key(identity, kind), value, StringComparison.OrdinalIgnoreCase));
    }

    private static string Key(FakeManagedIdentity identity, IdKind kind) => kind switch
    {
        IdKind.ClientId => identity.ClientId,
        IdKind.ObjectId => identity.ObjectId,
        _ => identity.ResourceId,
    };

    private static string HostResource(FakeManagedIdentitySource source) => source switch
    {
        FakeManagedIdentitySource.AppService => "Microsoft.Web/sites/fake-app",
        FakeManagedIdentitySource.AzureArc => "Microsoft.HybridCompute/machines/fake-machine",
        FakeManagedIdentitySource.CloudShell => "Microsoft.Portal/consoles/fake-console",
        FakeManagedIdentitySource.ServiceFabric => "Microsoft.ServiceFabric/managedclusters/fake-cluster/applications/fake-app",
        FakeManagedIdentitySource.MachineLearning => "Microsoft.MachineLearningServices/workspaces/fake-workspace/computes/fake-compute",
        _ => "Microsoft.Compute/virtualMachines/fake-vm",
    };

    private static string NewId() => Guid.NewGuid().ToString();
}
