using WidgetIdentity.Users;

namespace SampleSite.Data;

/// <summary>
/// What the chat widget reads from the user's row rather than from the sign-in cookie: the fields a user can edit on
/// <c>/Profile</c>, so an edit shows on the next page without signing in again. Identity's cookie still carries the
/// id and the email; the names and picture are loaded (once per page at most) from the database.
/// </summary>
public static class SampleUserProfile
{
    public static void Map(WidgetUserProfile<SampleUser> profile)
    {
        profile.Name = user => user.FullName;
        profile.FirstName = user => user.FirstName;
        profile.LastName = user => user.LastName;
        profile.AvatarUrl = user => user.AvatarUrl;
    }
}
