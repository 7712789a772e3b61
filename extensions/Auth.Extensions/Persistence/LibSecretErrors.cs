using Auth.Common.Errors;

namespace Auth.Extensions.Persistence;

/// <summary>Turns libsecret failures into exceptions whose code and message name the cause.</summary>
internal static class LibSecretErrors
{
    private const string Store = "the Secret Service (libsecret)";

    public static void ThrowIfError(IntPtr error, string operation)
    {
        if (error == IntPtr.Zero)
        {
            return;
        }

        var message = LibSecretNative.TakeErrorMessage(error);
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS")) || message.Contains("D-Bus", StringComparison.OrdinalIgnoreCase) && message.Contains("autolaunch", StringComparison.OrdinalIgnoreCase))
        {
            throw Exception(PersistenceErrorCodes.KeyStoreUnavailable, operation, $"there is no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set: an SSH, container or service session). Run inside a desktop session or dbus-run-session with a keyring daemon. libsecret said: {message}");
        }

        if (message.Contains("org.freedesktop.secrets", StringComparison.Ordinal) || message.Contains("ServiceUnknown", StringComparison.Ordinal))
        {
            throw Exception(PersistenceErrorCodes.KeyStoreUnavailable, operation, $"no Secret Service provider (gnome-keyring, KWallet) answers on the D-Bus session bus. Install and start one. libsecret said: {message}");
        }

        if (message.Contains("locked", StringComparison.OrdinalIgnoreCase) || message.Contains("prompt", StringComparison.OrdinalIgnoreCase))
        {
            throw Exception(PersistenceErrorCodes.KeyStoreLocked, operation, $"the keyring is locked and unlocking it needs the user. Unlock it (log in to the desktop session). libsecret said: {message}");
        }

        throw Failed(operation, message);
    }

    public static AuthClientException Failed(string operation, string message) =>
        Exception(PersistenceErrorCodes.KeyStoreFailed, operation, $"libsecret said: {message}");

    public static AuthClientException Missing(string operation, Exception cause) => new(
        PersistenceErrorCodes.KeyStoreMissing,
        $"Could not {operation} {Store}: {LibSecretNative.SecretLibrary} is not installed. Install it (Debian/Ubuntu: apt install libsecret-1-0) or use another key store.",
        cause);

    private static AuthClientException Exception(string code, string operation, string reason) =>
        new(code, $"Could not {operation} {Store}: {reason}");
}
