namespace WidgetIdentity.Guard.Scanning;

/// <summary>
/// Starts before these positions (after the candidate that proved it) are known not to begin an occurrence: one
/// frontier for the per-character patterns, one for the literals.
/// </summary>
internal record struct Frontier(int PerCharacter, int Literal);
