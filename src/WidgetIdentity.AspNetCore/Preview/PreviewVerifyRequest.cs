namespace WidgetIdentity.Preview;

/// <summary>What the preview widget asks the verify endpoint: does this hash belong to this user id under the widget's secret?</summary>
internal sealed record PreviewVerifyRequest(string? Widget, string? UserId, string? Hash);
