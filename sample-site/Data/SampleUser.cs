using Microsoft.AspNetCore.Identity;

namespace SampleSite.Data;

/// <summary>A site user with the first and last name the chat widget is told about.</summary>
public sealed class SampleUser : IdentityUser
{
    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// <summary>The first and last names joined by a space, exactly as stored (no trimming).</summary>
    public string FullName => (FirstName, LastName) switch
    {
        ("", _) => LastName,
        (_, "") => FirstName,
        _ => $"{FirstName} {LastName}",
    };
}
