using DataPlatform.Web.Site;

namespace DataPlatform.Web.Submissions;

/// <summary>Wakes the notifier when something was stored.</summary>
public sealed class NotificationSignal : WorkerSignal;
