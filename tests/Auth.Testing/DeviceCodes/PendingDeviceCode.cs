using Auth.Testing.Errors;
using Auth.Testing.Tokens;

namespace Auth.Testing.DeviceCodes;

/// <summary>
/// One device authorization (RFC 8628 §3.2) and its lifecycle: pending until the user approves or denies it,
/// redeemable once when approved, dead after <see cref="ExpiresAt"/>. Polls are timed by the authority's clock.
/// </summary>
internal sealed class PendingDeviceCode
{
    private static readonly TimeSpan SlowDownStep = TimeSpan.FromSeconds(5);

    /// <summary>Timer and network jitter forgiven: a client that waits the interval in real time must not be told to slow down.</summary>
    private static readonly TimeSpan Jitter = TimeSpan.FromMilliseconds(50);

    private readonly Lock _lock = new();
    private State _state;
    private FakeUser? _approver;
    private DateTimeOffset _approvedAt;
    private DateTimeOffset? _lastPoll;
    private TimeSpan _interval;

    public PendingDeviceCode(string deviceCode, string userCode, string clientId, string scope, DateTimeOffset issuedAt, TimeSpan lifetime, TimeSpan interval)
    {
        DeviceCode = deviceCode;
        UserCode = userCode;
        ClientId = clientId;
        Scope = scope;
        IssuedAt = issuedAt;
        ExpiresAt = issuedAt + lifetime;
        _interval = interval;
    }

    private enum State
    {
        Pending,
        Approved,
        Denied,
        Redeemed,
    }

    public string DeviceCode { get; }

    public string UserCode { get; }

    public string ClientId { get; }

    public string Scope { get; }

    public DateTimeOffset IssuedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    public bool IsPending(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _state == State.Pending && now < ExpiresAt;
        }
    }

    /// <summary>Approves (with a user) or denies (without) a pending, unexpired code; false otherwise.</summary>
    public bool TryDecide(FakeUser? approver, DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_state != State.Pending || now >= ExpiresAt)
            {
                return false;
            }

            (_state, _approver, _approvedAt) = approver is null ? (State.Denied, null, now) : (State.Approved, approver, now);
            return true;
        }
    }

    /// <summary>
    /// A token request polls: expired → expired_token, denied → access_denied, approved → the sign-in (once),
    /// pending → authorization_pending, or slow_down (and the interval grows 5 s) when polled sooner than the interval (less 50 ms of jitter)
    /// after the previous poll.
    /// </summary>
    public Redemption<UserSignIn> Poll(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (now >= ExpiresAt)
            {
                return Redemption<UserSignIn>.Failure(AadGrantErrors.DeviceCodeExpired());
            }

            switch (_state)
            {
                case State.Denied:
                    return Redemption<UserSignIn>.Failure(AadGrantErrors.DeviceCodeDenied());
                case State.Redeemed:
                    return Redemption<UserSignIn>.Failure(AadGrantErrors.DeviceCodeRedeemed());
                case State.Approved:
                    _state = State.Redeemed;
                    return Redemption<UserSignIn>.Success(new UserSignIn(_approver!, ClientId, Scope, _approvedAt));
            }

            var tooSoon = _lastPoll is { } last && now - last < _interval - Jitter;
            _lastPoll = now;
            if (!tooSoon)
            {
                return Redemption<UserSignIn>.Failure(AadGrantErrors.AuthorizationPending());
            }

            _interval += SlowDownStep;
            return Redemption<UserSignIn>.Failure(AadGrantErrors.SlowDown((long)Math.Ceiling(_interval.TotalSeconds)));
        }
    }
}
