using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Content;

/// <summary>
/// <c>check [--content DIR] [--format text|json] [--layout Suffix|Directories] [--no-git]</c>: loads a content
/// folder exactly as the site does and reports errors and warnings with file and line.
/// Exit code 0 without errors, 1 with errors, 2 when the folder cannot be read or the arguments are wrong.
/// </summary>
public static class CheckCommand
{
    /// <summary>The JSON report's format version; it changes only if fields are removed or change meaning.</summary>
    public const int JsonVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        string? content = null;
        var format = "text";
        var layout = ContentLayout.Suffix;
        var useGit = true;
        var directories = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["en"] = "en", ["sv"] = "sv" };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--content":
                        content = Value();
                        break;
                    case "--format":
                        format = Value();
                        if (format is not ("text" or "json"))
                        {
                            throw new ArgumentException("--format is text or json.");
                        }
                        break;
                    case "--layout":
                        layout = Enum.Parse<ContentLayout>(Value(), ignoreCase: true);
                        break;
                    case "--en-dir":
                        directories["en"] = Value();
                        break;
                    case "--sv-dir":
                        directories["sv"] = Value();
                        break;
                    case "--no-git":
                        useGit = false;
                        break;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine("Usage: check [--content DIR] [--format text|json] [--layout Suffix|Directories] [--en-dir D] [--sv-dir D] [--no-git]");
                return 2;
            }
        }

        var root = ContentRootLocator.Resolve(content ?? "");
        ContentSnapshot snapshot;
        try
        {
            snapshot = new ContentLoader(new ContentOptions { Root = root, Layout = layout, Directories = directories }).Load();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"The content folder cannot be read: {e.Message}");
            return 2;
        }
        var report = ContentCheck.Run(snapshot, root, new CheckOptions(AppRoutes.IsAppRoute, useGit));
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                version = JsonVersion,
                root,
                summary = new { pages = report.Pages, errors = report.Errors, warnings = report.Warnings },
                diagnostics = report.Diagnostics.Select(d => new { severity = d.Severity, code = d.Code, file = d.File, line = d.Line, message = d.Message }),
            }, Json));
        }
        else
        {
            foreach (var d in report.Diagnostics)
            {
                output.WriteLine(d.ToString());
            }
            output.WriteLine($"{report.Pages} pages checked in {root}: {report.Errors} errors, {report.Warnings} warnings.");
        }
        return report.Errors > 0 ? 1 : 0;
    }
}
