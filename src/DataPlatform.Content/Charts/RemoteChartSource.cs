namespace DataPlatform.Content.Charts;

/// <summary>A chart's web address and the page that shows it.</summary>
public sealed record RemoteChartSource(string Url, string Page);
