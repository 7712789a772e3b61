using System.Diagnostics.CodeAnalysis;

namespace Auth.Testing.ManagedIdentity;

/// <summary>The thread-safe FIFO of scripted failures; each request takes at most one.</summary>
internal sealed class ScriptedFailures
{
    private readonly Lock _lock = new();
    private readonly Queue<ScriptedFailure> _queue = new();

    public void Add(ScriptedFailure failure, int times)
    {
        lock (_lock)
        {
            for (var i = 0; i < times; i++)
            {
                _queue.Enqueue(failure);
            }
        }
    }

    public bool TryTake([NotNullWhen(true)] out ScriptedFailure? failure)
    {
        lock (_lock)
        {
            return _queue.TryDequeue(out failure);
        }
    }
}
