using System.Collections.Concurrent;
using System.Security.Cryptography;
using Auth.Testing.Http;

namespace Auth.Testing.ManagedIdentity;

/// <summary>
/// Azure Arc's key-file challenge: each challenge writes a new <c>.key</c> file of random text into the key directory
/// and names it in <c>WWW-Authenticate: Basic realm={path}</c>; a request presenting <c>Authorization: Basic {text}</c>
/// of an issued, unused key passes (each key once). A challenge naming <see cref="Override"/> issues no key.
/// </summary>
internal sealed class ArcKeyFiles : IDisposable
{
    private readonly ConcurrentDictionary<string, byte> _unused = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _files = new();
    private readonly bool _ownsDirectory;
    private string? _override;

    /// <param name="directory">The key directory (created if missing); a fresh temporary one, owned, when <see langword="null"/>.</param>
    public ArcKeyFiles(string? directory)
    {
        _ownsDirectory = directory is null;
        Directory = directory is null
            ? System.IO.Directory.CreateTempSubdirectory("auth-testing-arc-").FullName
            : System.IO.Directory.CreateDirectory(directory).FullName;
    }

    /// <summary>The full path of the key directory.</summary>
    public string Directory { get; }

    /// <summary>A path to name in challenges instead of a fresh key file, or <see langword="null"/>.</summary>
    public string? Override
    {
        get => Volatile.Read(ref _override);
        set => Volatile.Write(ref _override, value);
    }

    /// <summary>The 401 challenge, in the source's error shape.</summary>
    public HttpReply Challenge(MiErrorShape shape)
    {
        var path = Override ?? WriteKeyFile();
        return MiErrors.Write(shape, 401, "unauthorized_client", "A key file is required: send its content as 'Authorization: Basic {content}'.")
            .WithHeader("WWW-Authenticate", "Basic realm=" + path);
    }

    /// <summary>Whether <paramref name="authorization"/> is <c>Basic {key}</c> for an issued, unused key (which it then uses up).</summary>
    public bool TryRedeem(string? authorization)
    {
        const string Scheme = "Basic ";
        return authorization is not null
            && authorization.StartsWith(Scheme, StringComparison.Ordinal)
            && _unused.TryRemove(authorization[Scheme.Length..], out _);
    }

    /// <summary>Deletes the key files written, and the directory when it was created here.</summary>
    public void Dispose()
    {
        try
        {
            if (_ownsDirectory)
            {
                System.IO.Directory.Delete(Directory, recursive: true);
                return;
            }

            while (_files.TryDequeue(out var file))
            {
                File.Delete(file);
            }
        }
        catch (IOException)
        {
            // Best effort: a temporary key file left behind holds only a key this fake no longer accepts.
        }
    }

    private string WriteKeyFile()
    {
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var path = Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".key");
        File.WriteAllText(path, key);
        _files.Enqueue(path);
        _unused[key] = 0;
        return path;
    }
}
