using System.Text.Json;

namespace DataPlatform.Bench;

/// <summary>Shared settings for the JSON files the benchmarks write.</summary>
public static class Report
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
