using System.Text;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Auth.Testing.Http;

/// <summary>An HTTP answer built by an endpoint, independent of WireMock until it is sent.</summary>
internal sealed class HttpReply
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public const string HtmlContentType = "text/html; charset=utf-8";

    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public HttpReply(int statusCode, string body, string contentType = JsonContentType)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
    }

    public int StatusCode { get; }

    public string Body { get; }

    public string ContentType { get; }

    public IReadOnlyDictionary<string, string> Headers => _headers;

    public static HttpReply Json(int statusCode, string json) => new(statusCode, json);

    public static HttpReply Html(int statusCode, string html) => new HttpReply(statusCode, html, HtmlContentType).NoStore();

    /// <summary>A 302 Found to <paramref name="location"/>, as the authorization endpoint answers the browser.</summary>
    public static HttpReply Redirect(string location) => new HttpReply(302, string.Empty, HtmlContentType).NoStore().WithHeader("Location", location);

    /// <summary>Adds the RFC 6749 §5.1 no-caching headers that token and error responses carry.</summary>
    public HttpReply NoStore()
    {
        return WithHeader("Cache-Control", "no-store").WithHeader("Pragma", "no-cache");
    }

    public HttpReply WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    /// <summary>Converts to the WireMock response; the body is sent verbatim (never re-serialised).</summary>
    public ResponseMessage ToResponseMessage()
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = new WireMockList<string>(ContentType),
        };
        foreach (var (name, value) in _headers)
        {
            headers[name] = new WireMockList<string>(value);
        }

        return new ResponseMessage
        {
            StatusCode = StatusCode,
            Headers = headers,
            BodyData = new BodyData
            {
                BodyAsString = Body,
                DetectedBodyType = BodyType.String,
                Encoding = Encoding.UTF8,
            },
        };
    }
}
