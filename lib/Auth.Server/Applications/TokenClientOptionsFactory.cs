using System.Reflection;
using Auth.Common.Clients;
using Auth.Server.Crypto;
using Auth.Server.Network;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Auth.Server.Applications;

/// <summary>Turns an application's options into Auth.Common's <see cref="TokenClientOptions"/>, with this package's adapters.</summary>
internal static class TokenClientOptionsFactory
{
    private const string CredentialRequired = "A client credential is required: set ClientCredential (ClientCredential.FromSecret, FromCertificate or FromAssertion) or ClientSecret.";

    private static readonly string Version =
        typeof(TokenClientOptionsFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static TokenClientOptions Create(ClientApplicationOptions options, Type application)
    {
        var time = options.TimeProvider ?? TimeProvider.System;
        var crypto = new CryptoProvider();
        return new TokenClientOptions
        {
            ClientId = options.ClientId,
            Authority = options.Authority,
            ProtocolMode = options.ProtocolMode,
            KnownAuthorities = [.. options.KnownAuthorities],
            AuthorityMetadataJson = options.AuthorityMetadataJson,
            CloudDiscoveryMetadataJson = options.CloudDiscoveryMetadataJson,
            EnableInstanceDiscovery = options.EnableInstanceDiscovery,
            ClientCapabilities = [.. options.ClientCapabilities],
            AllowInsecureLoopbackAuthority = options.AllowInsecureLoopbackAuthority,
            NetworkClient = options.NetworkClient
                ?? (options.HttpClientFactory is { } factory ? new HttpClientNetworkClient(factory) : new HttpClientNetworkClient(DefaultHttpClient.Instance)),
            CryptoProvider = crypto,
            ClientAuthenticator = (options as ConfidentialClientOptions)?.ResolveCredential()?.CreateAuthenticator(crypto, time),
            CachePlugin = options.CachePlugin,
            CacheDialect = options.CacheDialect,
            Logger = options.LoggerFactory?.CreateLogger(application.FullName ?? application.Name) ?? NullLogger.Instance,
            EnablePiiLogging = options.EnablePiiLogging,
            TimeProvider = time,
            ClockSkew = options.ClockSkew,
            MaxAccessTokens = options.MaxAccessTokens,
            RetryOnServerError = options.RetryOnServerError,
            RetryDelay = options.RetryDelay,
            EnvironmentRegion = Environment.GetEnvironmentVariable("REGION_NAME"),
            ClientSku = "Auth.Server",
            ClientVersion = Version,
            ClientOs = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        };
    }

    /// <summary>Returns every problem with the options (empty when valid), the confidential client's need of a credential included.</summary>
    public static IReadOnlyList<string> Problems(ClientApplicationOptions options)
    {
        var problems = TokenClient.Validate(Create(options, typeof(ClientApplication))).ToList();
        if (options is ConfidentialClientOptions confidential && confidential.ResolveCredential() is null)
        {
            problems.Add(CredentialRequired);
        }

        return problems;
    }

    /// <summary>Throws when a confidential client has no credential, listing it with every other problem.</summary>
    public static void ThrowIfCredentialMissing(ConfidentialClientOptions options)
    {
        if (options.ResolveCredential() is not null)
        {
            return;
        }

        var problems = Problems(options);
        throw new Common.Errors.AuthClientException(
            Common.Errors.AuthErrorCodes.InvalidConfiguration,
            problems.Count == 1 ? problems[0] : $"The application options have {problems.Count} problems: " + string.Join(" ", problems.Select((p, i) => $"({i + 1}) {p}")));
    }
}
