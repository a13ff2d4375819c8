using Microsoft.AspNetCore.Identity;

namespace SampleSite.Data;

/// <summary>A site user with the names and picture the chat widget is told about (any of them may be missing).</summary>
public sealed class SampleUser : IdentityUser
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>The absolute URL of the user's picture, where they have one.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>The first and last names joined by a space, exactly as stored (no trimming); empty when they have none.</summary>
    public string FullName => (FirstName, LastName) switch
    {
        ("", _) => LastName,
        (_, "") => FirstName,
        _ => $"{FirstName} {LastName}",
    };
}
