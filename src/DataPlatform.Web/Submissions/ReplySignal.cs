using DataPlatform.Web.Site;

namespace DataPlatform.Web.Submissions;

/// <summary>Wakes the reply sender when a reply was queued.</summary>
public sealed class ReplySignal : WorkerSignal;
