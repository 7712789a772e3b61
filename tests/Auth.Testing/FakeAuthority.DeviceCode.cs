namespace Auth.Testing;

/// <summary>The device authorization grant (RFC 8628): settings, and the user's side (approve or deny a user code).</summary>
public sealed partial class FakeAuthority
{
    /// <summary>The home tenant's device authorization endpoint, <c>{BaseUri}{TenantId}/oauth2/v2.0/devicecode</c>.</summary>
    public Uri DeviceAuthorizationEndpoint => new(_services.Urls.DeviceCode(TenantId));

    /// <summary>How long new device codes stay valid (<c>expires_in</c>, whole seconds rounded up): default 15 minutes, at least 1 second.</summary>
    public TimeSpan DeviceCodeLifetime
    {
        get => _services.DeviceCodeSettings.Lifetime.Value;
        set => _services.DeviceCodeSettings.Lifetime.Value = value;
    }

    /// <summary>
    /// The polling interval of new device codes (<c>interval</c>, whole seconds rounded up): default 5 seconds, at
    /// least 1. A poll sooner than the interval (less 50 ms of jitter) after the previous poll of the same code, by
    /// the authority's <see cref="TimeProvider"/>, gets <c>slow_down</c> and adds 5 seconds to that code's interval.
    /// The first poll may come at once.
    /// </summary>
    public TimeSpan DeviceCodePollInterval
    {
        get => _services.DeviceCodeSettings.PollInterval.Value;
        set => _services.DeviceCodeSettings.PollInterval.Value = value;
    }

    /// <summary>Approve each new device code at once as the signed-in user (see <see cref="SignInAs"/>), e.g. for samples. Off by default.</summary>
    public bool AutoApproveDeviceCodes
    {
        get => _services.DeviceCodeSettings.AutoApprove;
        set => _services.DeviceCodeSettings.AutoApprove = value;
    }

    /// <summary>The user codes of device codes still waiting for approval (not approved, denied or expired), oldest first.</summary>
    public IReadOnlyList<string> PendingUserCodes => _services.DeviceCodes.Pending(_services.TimeProvider.GetUtcNow());

    /// <summary>
    /// The next user code issued: the oldest one not yet returned by this method, or the next to come. Each issued
    /// code is returned once, so a test may call this before or after the client asks for a device code.
    /// </summary>
    /// <param name="cancellationToken">Cancels the wait; disposing the authority cancels it too.</param>
    public async Task<string> WaitForUserCodeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        return await _services.DeviceCodes.NextIssuedAsync(linked.Token).ConfigureAwait(false);
    }

    /// <summary>The user enters the code and signs in: the next poll of its device code gets tokens for that user.</summary>
    /// <param name="userCode">The user code (any case, dashes and spaces ignored).</param>
    /// <param name="user">The user who approves; the signed-in user (see <see cref="SignInAs"/>) when <see langword="null"/>.</param>
    /// <exception cref="InvalidOperationException">No pending, unexpired device code has this user code.</exception>
    public void ApproveDeviceCode(string userCode, FakeUser? user = null) =>
        Decide(userCode, user is null ? _services.Users.SignedIn : _services.Users.Normalize(user));

    /// <summary>The user declines: the next poll of its device code gets <c>access_denied</c>.</summary>
    /// <param name="userCode">The user code (any case, dashes and spaces ignored).</param>
    /// <exception cref="InvalidOperationException">No pending, unexpired device code has this user code.</exception>
    public void DenyDeviceCode(string userCode) => Decide(userCode, null);

    private void Decide(string userCode, FakeUser? approver)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userCode);
        var entry = _services.DeviceCodes.FindByUserCode(userCode);
        if (entry is null || !entry.TryDecide(approver, _services.TimeProvider.GetUtcNow()))
        {
            throw new InvalidOperationException($"No pending device code has the user code '{userCode}' (unknown, already decided or expired).");
        }
    }
}
