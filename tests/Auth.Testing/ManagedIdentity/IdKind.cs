namespace Auth.Testing.ManagedIdentity;

/// <summary>How a request names a user-assigned identity.</summary>
internal enum IdKind
{
    /// <summary>By client (application) id.</summary>
    ClientId,

    /// <summary>By object (principal) id.</summary>
    ObjectId,

    /// <summary>By Azure resource id.</summary>
    ResourceId,
}
