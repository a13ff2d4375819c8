namespace WidgetIdentity.SignOut;

/// <summary>Marks a request in which the app signed the user out: a widget rendered in the same response identifies nobody.</summary>
internal sealed class SignOutHandOverFeature
{
    public static readonly SignOutHandOverFeature Instance = new();
}
