using Auth.Testing.Settings;

namespace Auth.Testing.DeviceCodes;

/// <summary>The device authorization grant's settings, changeable while the authority runs.</summary>
internal sealed class DeviceCodeSettings
{
    private volatile bool _autoApprove;

    /// <summary>How long a device code stays valid (<c>expires_in</c>): 15 minutes by default, at least 1 second.</summary>
    public DurationSetting Lifetime { get; } = new(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(1));

    /// <summary>The minimum polling interval (<c>interval</c>, whole seconds): 5 seconds by default, at least 1 second.</summary>
    public DurationSetting PollInterval { get; } = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1));

    /// <summary>Approve each new device code at once as the signed-in user.</summary>
    public bool AutoApprove
    {
        get => _autoApprove;
        set => _autoApprove = value;
    }
}
