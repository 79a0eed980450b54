namespace DataPlatform.Web.Staff;

/// <summary>What a change from staff came to.</summary>
public enum ChangeResult
{
    Saved,
    Unchanged,
    NotFound,
    Conflict,
}
