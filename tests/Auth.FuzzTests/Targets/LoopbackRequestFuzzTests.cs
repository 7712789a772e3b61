using System.Text;
using Auth.Common.Platform;
using Auth.FuzzTests.Doubles;
using Auth.FuzzTests.Generators;
using Auth.FuzzTests.Harness;
using Auth.Server.Interactive;
using CsCheck;

namespace Auth.FuzzTests.Targets;

/// <summary>
/// The loopback listener's request parser and the handler around it (<see cref="LoopbackRequestParser"/>,
/// <see cref="LoopbackRedirectHandler"/>): any bytes a local process sends are answered with a
/// page (200, 400 or 404) and never throw, and only the right state completes the sign-in.
/// </summary>
[TestFixture]
public sealed class LoopbackRequestFuzzTests
{
    private static readonly LoopbackPages Pages = new("<p>ok</p>", "<p>{error} {error_description}</p>");

    private static readonly Mutator Http = new(" ", "\r\n", "\r\n\r\n", "?", "&", "=", "+", "%", "%2", "%41", "%C3%A9", "%ED%A0%80", "state=s1", "state=", "code=", "HTTP/1.1", "HTTP/2", "GET", "/");

    [Test]
    public async Task Handle_AnyBytes_AnswersWithoutThrowing()
    {
        var query = Gen.Select(
            Gen.OneOf(Gen.Const("code"), Gen.Const("state"), Gen.Const("error"), Gen.Const("error_description"), Gen.String),
            Gen.OneOf(Gen.Const("s1"), Gen.Const("%"), Gen.Const("%zz"), Gen.Const("a+b"), Gen.Const("%ED%A0%80"), Gen.String),
            (name, value) => name + "=" + value).Array[0, 6].Select(pairs => string.Join('&', pairs));
        var line = Gen.Select(
            Gen.OneOf(Gen.Const("GET"), Gen.Const("POST"), Gen.Const("get"), Gen.Const(string.Empty), Gen.String),
            Gen.OneOf(Gen.Const("/"), Gen.Const("/favicon.ico"), Gen.Const("//"), Gen.Const("*"), Gen.String),
            query,
            Gen.OneOf(Gen.Const("HTTP/1.1"), Gen.Const("HTTP/1.0"), Gen.Const("HTTP/2"), Gen.String),
            (method, path, q, version) => $"{method} {path}?{q} {version}\r\nHost: 127.0.0.1\r\n\r\n");
        var text = Gen.Frequency((3, line), (3, Http.Mutate(Seeds.LoopbackRequests)), (1, Gen.String));
        var bytes = Gen.Frequency(
            (6, text.Select(Encoding.UTF8.GetBytes)),
            (1, text.Select(Encoding.Latin1.GetBytes)),
            (1, Gen.Byte.Array[0, 20_000]));
        var inputs = Gen.Select(bytes, Gen.Int[1, 4096]);

        await new FuzzRunner<(byte[] Bytes, int Chunk)>(
            "loopback-request",
            inputs,
            input => input.Bytes.Length,
            input => Handle(input.Bytes, input.Chunk),
            input => $"{FuzzPrint.Text(Encoding.Latin1.GetString(input.Bytes))} in chunks of {input.Chunk}").RunAsync();
    }

    private static void Handle(byte[] request, int chunk)
    {
        var result = new TaskCompletionSource<AuthorizationResponse>();
        var handler = new LoopbackRedirectHandler("/", "s1", Pages, result);
        using var connection = new ScriptedStream(request, chunk);
        FuzzAssert.NoException("the handler answers every request", () => handler.HandleAsync(connection, CancellationToken.None).GetAwaiter().GetResult());
        if (connection.Written.Length == 0)
        {
            throw new FuzzContractException("the handler wrote no answer");
        }

        if (result.Task.IsCompleted && result.Task.Result.State != "s1")
        {
            throw new FuzzContractException("a redirect with another state completed the sign-in");
        }

        _ = LoopbackRequestParser.Parse(request);
    }
}
