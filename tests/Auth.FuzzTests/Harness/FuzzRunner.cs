using System.Diagnostics;
using Auth.Common.Errors;
using CsCheck;

namespace Auth.FuzzTests.Harness;

/// <summary>
/// Runs one fuzz target for the time budget and checks the contract on every input: no exception
/// other than an <see cref="AuthException"/>, no input slower than a per-input limit (<see cref="DefaultPerInputLimit"/>), no
/// allocation beyond a bound proportional to the input's size, and no hang of the whole run.
/// A failure is shrunk by CsCheck and reported with the seed that replays it.
/// </summary>
internal sealed class FuzzRunner<T>
{
    /// <summary>The longest one input may take by default (generous: the machine is shared).</summary>
    public static readonly TimeSpan DefaultPerInputLimit = TimeSpan.FromSeconds(2);

    private const long FixedAllocationAllowance = 512 * 1024;
    private const long AllocationPerInputChar = 256;

    private readonly string _name;
    private readonly Gen<T> _gen;
    private readonly Func<T, int> _size;
    private readonly Action<T> _target;
    private readonly Func<T, string> _print;
    private readonly TimeSpan _perInputLimit;
    private long _inputs;
    private T? _current;

    public FuzzRunner(string name, Gen<T> gen, Func<T, int> size, Action<T> target, Func<T, string> print, TimeSpan? perInputLimit = null)
    {
        _perInputLimit = perInputLimit ?? DefaultPerInputLimit;
        _name = name;
        _gen = gen;
        _size = size;
        _target = target;
        _print = print;
    }

    public async Task RunAsync(int? secondsOverride = null)
    {
        var seconds = secondsOverride ?? FuzzBudget.Seconds;
        Warm();
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => _gen.Sample(Check, writeLine: _ => { }, seed: FuzzBudget.Seed, time: seconds, threads: 1, print: _print));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(seconds + 60), TimeProvider.System)).ConfigureAwait(false);
        if (finished != run)
        {
            Assert.Fail($"fuzz {_name}: hang: no progress for 60 s past the budget on input {_print(_current!)}");
        }

        await run.ConfigureAwait(false);
        var rate = _inputs / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
        TestContext.Progress.WriteLine($"fuzz {_name}: {_inputs} inputs in {clock.Elapsed.TotalSeconds:0.0} s ({rate:0}/s), contract held");
    }

    private void Warm()
    {
        // JIT and first-use allocations are not the input's fault: run a few inputs unchecked.
        // A failure here is found again, shrunk and reported with its seed by the checked run.
        foreach (var input in _gen.Array[8].Single())
        {
            try
            {
                Invoke(input);
            }
#pragma warning disable CA1031 // Any exception is left for the checked run to report.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private void Check(T input)
    {
        _current = input;
        Interlocked.Increment(ref _inputs);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        Invoke(input);
        var elapsed = clock.Elapsed;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var bound = FixedAllocationAllowance + (AllocationPerInputChar * _size(input));
        if (elapsed > _perInputLimit)
        {
            throw new FuzzContractException($"took {elapsed.TotalMilliseconds:0} ms (limit {_perInputLimit.TotalMilliseconds:0} ms)");
        }

        if (allocated > bound)
        {
            throw new FuzzContractException($"allocated {allocated} bytes for an input of {_size(input)} chars (bound {bound})");
        }
    }

    private void Invoke(T input)
    {
        try
        {
            _target(input);
        }
        catch (AuthException)
        {
            // The documented way to refuse bad input.
        }
    }
}
