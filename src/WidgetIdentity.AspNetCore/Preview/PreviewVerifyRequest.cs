namespace WidgetIdentity.Preview;

/// <summary>
/// What the preview widget asks the verify endpoint, for the widget named <see cref="Widget"/> (the root one where
/// <see langword="null"/>). Exactly one of three questions: is <see cref="Hash"/> the HMAC of <see cref="UserId"/>, is it the
/// HMAC of <see cref="Email"/> (the vendors that sign the email), or is <see cref="Token"/> a JWT the widget signed (HS256
/// under its secret, unexpired, with its key id where it has one)?
/// </summary>
internal sealed record PreviewVerifyRequest(string? Widget, string? UserId, string? Email, string? Hash, string? Token)
{
    /// <summary>Whether the request asks exactly one of the three questions, with a hash for an HMAC and none beside a token.</summary>
    public bool IsWellFormed =>
        (UserId is not null ? 1 : 0) + (Email is not null ? 1 : 0) + (Token is not null ? 1 : 0) == 1
        && (Token is null || Hash is null);
}
