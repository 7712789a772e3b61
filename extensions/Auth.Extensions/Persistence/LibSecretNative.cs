using System.Runtime.InteropServices;

namespace Auth.Extensions.Persistence;

/// <summary>
/// The libsecret-1 and GLib functions the Linux key store calls (source-generated marshalling, so
/// AOT-safe). Only the non-variadic <c>*v</c> forms are usable from C#.
/// </summary>
internal static partial class LibSecretNative
{
    public const string SecretLibrary = "libsecret-1.so.0";
    public const string GlibLibrary = "libglib-2.0.so.0";

    [LibraryImport(SecretLibrary, StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr secret_schema_newv(string name, int flags, IntPtr attributeNamesAndTypes);

    [LibraryImport(SecretLibrary)]
    public static partial void secret_schema_unref(IntPtr schema);

    [LibraryImport(SecretLibrary, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool secret_password_storev_sync(IntPtr schema, IntPtr attributes, string? collection, string label, string password, IntPtr cancellable, out IntPtr error);

    [LibraryImport(SecretLibrary)]
    public static partial IntPtr secret_password_lookupv_sync(IntPtr schema, IntPtr attributes, IntPtr cancellable, out IntPtr error);

    [LibraryImport(SecretLibrary)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool secret_password_clearv_sync(IntPtr schema, IntPtr attributes, IntPtr cancellable, out IntPtr error);

    [LibraryImport(SecretLibrary)]
    public static partial void secret_password_free(IntPtr password);

    [LibraryImport(GlibLibrary)]
    public static partial IntPtr g_hash_table_new(IntPtr hashFunction, IntPtr equalFunction);

    [LibraryImport(GlibLibrary)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool g_hash_table_insert(IntPtr table, IntPtr key, IntPtr value);

    [LibraryImport(GlibLibrary)]
    public static partial void g_hash_table_unref(IntPtr table);

    [LibraryImport(GlibLibrary)]
    public static partial void g_error_free(IntPtr error);

    /// <summary>Reads a GError's message (<c>{ GQuark domain; gint code; gchar *message; }</c>) and frees it.</summary>
    public static string TakeErrorMessage(IntPtr error)
    {
        var message = Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(error, 2 * sizeof(int))) ?? "unknown error";
        g_error_free(error);
        return message;
    }
}
