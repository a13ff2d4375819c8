namespace WidgetIdentity.Dialects;

/// <summary>A widget's vendor-specific settings as configured, for the vendor's start-up checks.</summary>
/// <param name="KeyPrefix">The widget's configuration key, e.g. <c>WidgetIdentity:Widgets:staff</c>.</param>
/// <param name="AppId">The vendor's workspace id, if set.</param>
/// <param name="KeyId">The JWT key id, if set.</param>
/// <param name="Signing">HMAC or JWT, if set.</param>
internal sealed record VendorSettings(string KeyPrefix, string? AppId, string? KeyId, WidgetSigning? Signing);
