namespace Auth.Extensions.Persistence;

/// <summary>Where a <see cref="LibSecretKeyStore"/> keeps the key in the Secret Service.</summary>
public sealed class LibSecretKeyStoreOptions
{
    /// <summary>Gets the schema name, in reverse-DNS form, for example <c>com.contoso.MyApp.TokenCache</c>.</summary>
    public required string SchemaName { get; init; }

    /// <summary>
    /// Gets the attributes that identify the item (at least one), for example
    /// <c>{ ["application"] = "myapp", ["cache"] = "default" }</c>. Other items of the same schema
    /// with other attribute values are other keys.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Attributes { get; init; }

    /// <summary>Gets the label that keyring tools (Seahorse, <c>secret-tool</c>) show. Default <c>Token cache encryption key</c>.</summary>
    public string Label { get; init; } = "Token cache encryption key";

    /// <summary>
    /// Gets the collection: null (default) for the user's default keyring ("login" on GNOME), or an
    /// alias such as <c>session</c> (in memory, gone at logout).
    /// </summary>
    public string? Collection { get; init; }
}
