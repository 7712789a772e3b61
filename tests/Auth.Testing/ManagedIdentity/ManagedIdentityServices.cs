using Auth.Testing.Jwt;
using Auth.Testing.Settings;

namespace Auth.Testing.ManagedIdentity;

/// <summary>The composition root: the state and request logic of one fake managed identity endpoint.</summary>
internal sealed class ManagedIdentityServices : IDisposable
{
    public ManagedIdentityServices(FakeManagedIdentityOptions options, string secret)
    {
        TimeProvider = options.TimeProvider ?? TimeProvider.System;
        Identities = new IdentityDirectory(options.Source);
        Rules = SourceCatalog.Rules(options.Source, secret);
        Validator = new SourceRequestValidator(Rules, Identities);
        SigningKey = new SigningKey(options.SigningKey, options.SigningKeyId);
        try
        {
            Tokens = new MiTokenIssuer(new JwtWriter(SigningKey), options);
            ArcKeys = options.Source == FakeManagedIdentitySource.AzureArc ? new ArcKeyFiles(options.AzureArcKeyDirectory) : null;
        }
        catch
        {
            SigningKey.Dispose();
            throw;
        }
    }

    public TimeProvider TimeProvider { get; }

    public SourceRules Rules { get; }

    public IdentityDirectory Identities { get; }

    public SourceRequestValidator Validator { get; }

    public SigningKey SigningKey { get; }

    public MiTokenIssuer Tokens { get; }

    /// <summary>Azure Arc's key files; <see langword="null"/> for the other sources.</summary>
    public ArcKeyFiles? ArcKeys { get; }

    public ScriptedFailures Failures { get; } = new();

    public MiRequestLog Log { get; } = new();

    /// <summary>How long every answer waits (real time); zero by default.</summary>
    public DurationSetting Delay { get; } = new(TimeSpan.Zero, TimeSpan.Zero);

    public void Dispose()
    {
        ArcKeys?.Dispose();
        SigningKey.Dispose();
    }
}
