namespace Auth.FuzzTests.Doubles;

/// <summary>A connection as the loopback handler sees it: reads come from the input in chunks, writes are kept.</summary>
internal sealed class ScriptedStream : Stream
{
    private readonly byte[] _input;
    private readonly int _chunk;
    private int _position;

    public ScriptedStream(byte[] input, int chunk)
    {
        _input = input;
        _chunk = Math.Max(1, chunk);
    }

    public MemoryStream Written { get; } = new();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = Math.Min(Math.Min(count, _chunk), _input.Length - _position);
        Array.Copy(_input, _position, buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Written.Dispose();
        }

        base.Dispose(disposing);
    }
}
