namespace WidgetIdentity;

/// <summary>Settings of the middleware that keeps configured secrets out of every response.</summary>
public sealed class SecretGuardOptions
{
    /// <summary>What happens when a response would carry a secret. Defaults to <see cref="SecretGuardMode.Redact"/>.</summary>
    public SecretGuardMode Mode { get; set; } = SecretGuardMode.Redact;

    /// <summary>
    /// More configuration keys whose values the guard keeps out of responses like the widget secrets, for example
    /// <c>ConnectionStrings:*</c> or <c>Payments:Stripe:SecretKey</c>. Keys are case-insensitive; a key that names a section
    /// covers every value under it; a <c>*</c> section stands for one or more whole sections (<c>*:ApiKey</c>). A value
    /// shorter than 16 characters or ordinary (a boolean, number, date, URL without credentials, host name or sentence) is
    /// not guarded and is a start-up warning naming the key, as is a key that matches nothing. Followed on reload.
    /// </summary>
    public List<string> Protect { get; set; } = [];
}
