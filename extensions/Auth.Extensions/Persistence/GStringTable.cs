using System.Runtime.InteropServices;

namespace Auth.Extensions.Persistence;

/// <summary>
/// A GLib <c>GHashTable</c> of UTF-8 strings (g_str_hash / g_str_equal) built from .NET strings;
/// the table and every string it points to are freed on dispose.
/// </summary>
internal sealed class GStringTable : IDisposable
{
    private static readonly Lazy<(IntPtr Hash, IntPtr Equal)> Functions = new(() =>
    {
        var glib = NativeLibrary.Load(LibSecretNative.GlibLibrary);
        return (NativeLibrary.GetExport(glib, "g_str_hash"), NativeLibrary.GetExport(glib, "g_str_equal"));
    });

    private readonly List<IntPtr> _strings = [];

    public GStringTable() => Handle = LibSecretNative.g_hash_table_new(Functions.Value.Hash, Functions.Value.Equal);

    public IntPtr Handle { get; }

    /// <summary>Adds <paramref name="key"/>; a null value is the pointer 0 (for a schema: SECRET_SCHEMA_ATTRIBUTE_STRING).</summary>
    public void Add(string key, string? value)
    {
        var nativeKey = Utf8(key);
        var nativeValue = value is null ? IntPtr.Zero : Utf8(value);
        LibSecretNative.g_hash_table_insert(Handle, nativeKey, nativeValue);
    }

    public void Dispose()
    {
        LibSecretNative.g_hash_table_unref(Handle);
        foreach (var pointer in _strings)
        {
            Marshal.FreeCoTaskMem(pointer);
        }
    }

    private IntPtr Utf8(string text)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(text);
        _strings.Add(pointer);
        return pointer;
    }
}
