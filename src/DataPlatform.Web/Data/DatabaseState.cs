namespace DataPlatform.Web.Data;

/// <summary>Whether the schema is in place; readiness and the submission spool wait for it.</summary>
public sealed class DatabaseState
{
    private volatile bool _migrated;

    public bool IsMigrated => _migrated;

    public void MarkMigrated() => _migrated = true;
}
