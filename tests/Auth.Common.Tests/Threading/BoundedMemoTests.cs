using Auth.Common.Threading;

namespace Auth.Common.Tests.Threading;

[TestFixture]
public sealed class BoundedMemoTests
{
    [Test]
    public void Add_ThenTryGet_ReturnsTheFirstValueForAKey()
    {
        var memo = new BoundedMemo<string, int>(4, StringComparer.Ordinal);

        memo.Add("a", 1).Should().Be(1);
        memo.Add("a", 2).Should().Be(1, "the first writer wins");

        memo.TryGet("a", out var value).Should().BeTrue();
        value.Should().Be(1);
        memo.TryGet("b", out _).Should().BeFalse();
    }

    [Test]
    public void Add_ManyDistinctKeys_NeverHoldsMoreThanTheCapacity()
    {
        var memo = new BoundedMemo<int, int>(100);

        Parallel.For(0, 10_000, i => memo.Add(i, i));

        memo.Count.Should().BeInRange(1, 100);
    }
}
