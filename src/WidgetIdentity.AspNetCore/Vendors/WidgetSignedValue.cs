namespace WidgetIdentity.Vendors;

/// <summary>What a vendor of your own verifies: an HMAC-SHA256 (lowercase hex, keyed with the widget's secret) of this value.</summary>
public enum WidgetSignedValue
{
    /// <summary>The user id (a user always has one).</summary>
    UserId,

    /// <summary>The email address; a user without one is left anonymous, with a warning.</summary>
    Email,
}
