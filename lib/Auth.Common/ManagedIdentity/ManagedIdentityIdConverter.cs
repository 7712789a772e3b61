using System.ComponentModel;
using System.Globalization;

namespace Auth.Common.ManagedIdentity;

/// <summary>Reads a <see cref="ManagedIdentityId"/> from configuration text (<see cref="ManagedIdentityId.Parse"/>).</summary>
internal sealed class ManagedIdentityIdConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string text ? ManagedIdentityId.Parse(text) : base.ConvertFrom(context, culture, value);
}
