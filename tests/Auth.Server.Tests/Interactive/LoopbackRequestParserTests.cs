using System.Text;
using Auth.Server.Interactive;

namespace Auth.Server.Tests.Interactive;

[TestFixture]
public sealed class LoopbackRequestParserTests
{
    private static LoopbackRequest? Parse(string head) => LoopbackRequestParser.Parse(Encoding.ASCII.GetBytes(head));

    [Test]
    public void Parse_Redirect_DecodesPathAndQuery()
    {
        var request = Parse("GET /?code=a%2Bb+c&state=s1&state=s2&error_description=x%20y HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")!;

        request.Method.Should().Be("GET");
        request.Path.Should().Be("/");
        request.Query["code"].Should().Be("a+b c");
        request.Query["state"].Should().Be("s1", "a repeated parameter keeps its first value");
        request.Query["error_description"].Should().Be("x y");
    }

    [TestCase("")]
    [TestCase("GET\r\n\r\n")]
    [TestCase("GET / FTP/1.0\r\n\r\n")]
    [TestCase("GET http://evil/ HTTP/1.1\r\n\r\n")]
    [TestCase("GET /a\u0001b HTTP/1.1\r\n\r\n")]
    [TestCase("GET / HTTP/1.1 extra\r\n\r\n")]
    public void Parse_Malformed_IsNull(string head)
    {
        Parse(head).Should().BeNull();
    }

    [Test]
    public void Parse_OversizedHead_IsNull()
    {
        Parse("GET /?" + new string('a', LoopbackRequestParser.MaxHeadBytes) + " HTTP/1.1\r\n\r\n").Should().BeNull();
    }

    [Test]
    public void Parse_BadPercentEncoding_DropsThatParameter()
    {
        var request = Parse("GET /?code=%E0%A4%A&state=ok HTTP/1.1\r\n\r\n")!;

        request.Query["state"].Should().Be("ok");
    }

    [Test]
    public void FindHeadEnd_IncompleteHead_IsMinusOne()
    {
        LoopbackRequestParser.FindHeadEnd("GET / HTTP/1.1\r\nHost: x\r\n"u8).Should().Be(-1);
        LoopbackRequestParser.FindHeadEnd("GET / HTTP/1.1\r\n\r\n"u8).Should().Be(18);
    }
}
