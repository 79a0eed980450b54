using DataPlatform.Web.Site;

namespace DataPlatform.Web.Submissions;

/// <summary>Wakes the spool drain when something was spooled.</summary>
public sealed class SpoolSignal : WorkerSignal;
