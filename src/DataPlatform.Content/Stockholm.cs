namespace DataPlatform.Content;

/// <summary>The portal's one time zone: dates without an offset are Stockholm time, and visitors read dates in it.</summary>
public static class Stockholm
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>The same moment on a Stockholm clock.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, TimeZone);

    /// <summary>The date it is in Stockholm at <paramref name="now"/>: what a person there calls today.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(ToLocal(now).DateTime);

    /// <summary>A Stockholm wall-clock time as a moment, with the offset daylight saving gives it.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local));
    }
}
