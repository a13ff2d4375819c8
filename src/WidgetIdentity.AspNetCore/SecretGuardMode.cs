namespace WidgetIdentity;

/// <summary>What the secret guard does with a response that would carry a configured secret.</summary>
public enum SecretGuardMode
{
    /// <summary>Overwrite each occurrence with a mask of the same byte length and send the rest unchanged.</summary>
    Redact,

    /// <summary>Turn an unstarted response into a 500, and abort a started one before the secret is sent.</summary>
    Block,
}
