using Auth.Common.Errors;
using CsCheck;

namespace Auth.FuzzTests.Harness;

/// <summary>The harness itself: each broken contract fails the run, the documented refusal does not.</summary>
[TestFixture]
public sealed class FuzzRunnerTests
{
    private static readonly Gen<string> Inputs = Gen.Char["a-z"].Array[1, 20].Select(c => new string(c));

    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(50);

    private static Task Run(Action<string> target) =>
        new FuzzRunner<string>("self-test", Inputs, s => s.Length, target, s => s, Limit).RunAsync(secondsOverride: 1);

    [Test]
    public async Task Run_TargetThrowsAuthException_Passes()
    {
        var act = () => Run(_ => throw new AuthClientException("invalid_request", "refused"));

        await act.Should().NotThrowAsync();
    }

    [Test]
    public async Task Run_TargetThrowsOtherException_FailsWithTheInput()
    {
        var act = () => Run(s => _ = s.Length > 3 ? throw new InvalidOperationException("crash") : 0);

        (await act.Should().ThrowAsync<CsCheckException>()).WithInnerException<InvalidOperationException>();
    }

    [Test]
    public async Task Run_TargetAllocatesBeyondTheBound_Fails()
    {
        var act = () => Run(s => GC.KeepAlive(new byte[4 * 1024 * 1024]));

        (await act.Should().ThrowAsync<CsCheckException>()).WithInnerException<FuzzContractException>().WithMessage("allocated*");
    }

    [Test]
    public async Task Run_TargetSlowerThanTheLimit_Fails()
    {
        var act = () => Run(s => Thread.Sleep(Limit * 2));

        (await act.Should().ThrowAsync<CsCheckException>()).WithInnerException<FuzzContractException>().WithMessage("took*");
    }
}
