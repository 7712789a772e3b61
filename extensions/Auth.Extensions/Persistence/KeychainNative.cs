using System.Runtime.InteropServices;

namespace Auth.Extensions.Persistence;

/// <summary>The macOS Security framework's generic-password functions (source-generated marshalling).</summary>
internal static partial class KeychainNative
{
    public const int Success = 0;
    public const int ItemNotFound = -25300;
    public const int InteractionNotAllowed = -25308;

    private const string Security = "/System/Library/Frameworks/Security.framework/Security";
    private const string CoreFoundation = "/System/Library/Frameworks/CoreFoundation.framework/CoreFoundation";

    [LibraryImport(Security)]
    public static partial int SecKeychainFindGenericPassword(IntPtr keychainOrArray, uint serviceNameLength, byte[] serviceName, uint accountNameLength, byte[] accountName, out uint passwordLength, out IntPtr passwordData, out IntPtr itemRef);

    [LibraryImport(Security)]
    public static partial int SecKeychainAddGenericPassword(IntPtr keychain, uint serviceNameLength, byte[] serviceName, uint accountNameLength, byte[] accountName, uint passwordLength, byte[] passwordData, out IntPtr itemRef);

    [LibraryImport(Security)]
    public static partial int SecKeychainItemModifyAttributesAndData(IntPtr itemRef, IntPtr attributeList, uint length, byte[] data);

    [LibraryImport(Security)]
    public static partial int SecKeychainItemDelete(IntPtr itemRef);

    [LibraryImport(Security)]
    public static partial int SecKeychainItemFreeContent(IntPtr attributeList, IntPtr data);

    [LibraryImport(CoreFoundation)]
    public static partial void CFRelease(IntPtr cf);
}
