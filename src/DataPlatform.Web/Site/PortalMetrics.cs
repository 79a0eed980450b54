using System.Diagnostics.Metrics;
using DataPlatform.Content;

namespace DataPlatform.Web.Site;

/// <summary>
/// The portal's own metrics, all in one meter and one place (their Prometheus names are in the README): content pages
/// by language, reload time, page-cache hits and misses, search time, stored submissions by form and spam, mail
/// waiting, spool files, and failed fetches by source. A feature records through the methods here; what only a
/// feature can count while scraped (mail waiting, spool files) it hands in with <see cref="ObserveMailQueue"/> and
/// <see cref="ObserveSpool"/>.
/// </summary>
public sealed class PortalMetrics
{
    public const string MeterName = "DataPlatform.Portal";

    private readonly Counter<long> _pageCache;
    private readonly Histogram<double> _reload;
    private readonly Histogram<double> _search;
    private readonly Counter<long> _submissions;
    private readonly Counter<long> _fetchFailures;
    /// <summary>Buckets for times in seconds, from a cached search (5 ms) to a reload of a large site (60 s).</summary>
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] };

    private Func<long> _mailWaiting = () => 0;
    private Func<long> _spoolFiles = () => 0;

    public PortalMetrics(IMeterFactory meters, ContentStore content)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("portal_content_pages", () => ContentPages(content), description: "Pages served, by language.");
        _reload = meter.CreateHistogram("portal_content_reload_duration", "s", "How long a content reload took, by outcome.", advice: Seconds);
        _pageCache = meter.CreateCounter<long>("portal_page_cache_requests", description: "Requests the page cache could answer (hit) or not (miss).");
        _search = meter.CreateHistogram("portal_search_duration", "s", "How long a site search took.", advice: Seconds);
        _submissions = meter.CreateCounter<long>("portal_submissions_stored", description: "Submissions stored, by form and whether they are spam.");
        meter.CreateObservableGauge("portal_mail_queue_messages", () => _mailWaiting(), description: "Staff notifications and replies waiting to be sent.");
        meter.CreateObservableGauge("portal_spool_files", () => _spoolFiles(), description: "Submissions spooled to disk, waiting for the database.");
        _fetchFailures = meter.CreateCounter<long>("portal_fetch_failures", description: "Failed fetches of remote data, by source.");
        content.Reloaded += report => _reload.Record(report.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", report.Error is null ? "ok" : "failed"));
    }

    private static IEnumerable<Measurement<long>> ContentPages(ContentStore content)
    {
        var pages = content.Current.Pages;
        return SiteLanguage.All.Select(l => new Measurement<long>(pages.Count(p => p.Language == l), new KeyValuePair<string, object?>("language", l.Code)));
    }

    public void PageCache(bool hit) => _pageCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    public void Searched(TimeSpan elapsed) => _search.Record(elapsed.TotalSeconds);

    public void SubmissionStored(string form, bool spam) =>
        _submissions.Add(1, new KeyValuePair<string, object?>("form", form), new KeyValuePair<string, object?>("spam", spam ? "true" : "false"));

    public void FetchFailed(string source) => _fetchFailures.Add(1, new KeyValuePair<string, object?>("source", source));

    public void ObserveMailQueue(Func<long> waiting) => _mailWaiting = waiting;

    public void ObserveSpool(Func<long> files) => _spoolFiles = files;
}
