namespace Auth.Common.ManagedIdentity;

/// <summary>How a managed identity is named.</summary>
public enum ManagedIdentityIdKind
{
    /// <summary>The host's system-assigned identity.</summary>
    SystemAssigned,

    /// <summary>A user-assigned identity named by its client (application) id.</summary>
    ClientId,

    /// <summary>A user-assigned identity named by its Azure resource id.</summary>
    ResourceId,

    /// <summary>A user-assigned identity named by its object (principal) id.</summary>
    ObjectId,
}
