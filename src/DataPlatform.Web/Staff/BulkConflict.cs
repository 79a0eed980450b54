namespace DataPlatform.Web.Staff;

public sealed record BulkConflict(Guid Id, string Reference, string Status);
