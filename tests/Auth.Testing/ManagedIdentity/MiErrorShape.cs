namespace Auth.Testing.ManagedIdentity;

/// <summary>The JSON shape of a source's error bodies (the three MSAL.NET and msal-node parse).</summary>
internal enum MiErrorShape
{
    /// <summary><c>{"error":…,"error_description":…}</c>: IMDS, Azure Arc, Service Fabric.</summary>
    OAuth,

    /// <summary><c>{"statusCode":…,"message":…,"correlationId":…}</c>: App Service, Machine Learning.</summary>
    Message,

    /// <summary><c>{"error":{"code":…,"message":…}}</c>: Cloud Shell.</summary>
    Nested,
}
