using System.Collections.Concurrent;
using Auth.Common.Platform;

namespace Auth.Common.Tests.TestDoubles;

/// <summary>
/// An in-memory token endpoint for user flows: answers each token request from a queue of
/// scripted bodies (or a default success), and records when each request arrived.
/// </summary>
internal sealed class UserTokenServer
{
    private readonly TimeProvider _time;
    private int _issued;

    public UserTokenServer(TimeProvider time)
    {
        _time = time;
        Network = new RecordingNetworkClient(Answer);
    }

    public RecordingNetworkClient Network { get; }

    /// <summary>Gets or sets the object id of the user the next tokens are for.</summary>
    public string Oid { get; set; } = "oid-1";

    /// <summary>Gets or sets the issuer of the ID tokens; null: Entra's for the tenant, <c>https://login.example.com/tid-1/v2.0</c>.</summary>
    public string? Issuer { get; set; }

    public ConcurrentQueue<(int Status, string Body)> Scripted { get; } = new();

    public List<DateTimeOffset> TokenRequestTimes { get; } = [];

    public string DeviceCodeResponse { get; set; } =
        """{"device_code":"dc","user_code":"ABCD-EFGH","verification_uri":"https://login.example.com/device","expires_in":900,"interval":5}""";

    public int TokenRequests => Network.Count("/token");

    public string Success(string? nonce = null) =>
        $$"""
        {"token_type":"Bearer","expires_in":3600,"scope":"api://x/read openid profile","access_token":"at-{{Interlocked.Increment(ref _issued)}}",
         "refresh_token":"rt-{{_issued}}","id_token":"{{TestJwt.IdToken(nonce: nonce, oid: Oid, sub: "sub-" + Oid, issuer: Issuer)}}","client_info":"{{TestJwt.ClientInfo(Oid, "tid-1")}}"}
        """;

    private NetworkResponse Answer(NetworkRequest request)
    {
        if (request.Uri.AbsolutePath.EndsWith("/devicecode", StringComparison.Ordinal))
        {
            return RecordingNetworkClient.Json(200, DeviceCodeResponse);
        }

        lock (TokenRequestTimes)
        {
            TokenRequestTimes.Add(_time.GetUtcNow());
        }

        return Scripted.TryDequeue(out var next) ? RecordingNetworkClient.Json(next.Status, next.Body) : RecordingNetworkClient.Json(200, Success());
    }
}
