using System.Text.Json;

namespace DataPlatform.Bench;

/// <summary>Shared settings for the JSON files the benchmarks write, and the benchmarks' one way of reading their options.</summary>
public static class Report
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The value after <paramref name="name"/> (<c>--db C</c>) in <paramref name="args"/>, or <paramref name="fallback"/>.</summary>
    public static string Arg(this string[] args, string name, string fallback = "") => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
}
