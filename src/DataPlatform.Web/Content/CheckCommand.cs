using System.Text.Json;
using System.Text.Json.Serialization;
using DataPlatform.Content;
using DataPlatform.Web.Site;

namespace DataPlatform.Web.Content;

/// <summary>
/// <c>check [--content DIR] [--format text|json] [--layout Suffix|Directories] [--no-git] [--migration]</c>: loads a
/// content folder exactly as the site does and reports errors and warnings with file and line.
/// Exit code 0 without errors, 1 with errors, 2 when the folder cannot be read or the arguments are wrong.
/// With <c>--migration</c>, reports instead what a Hugo site moved over would lose (<see cref="MigrationReport"/>):
/// exit code 0 when nothing is lost, 1 otherwise.
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

    /// <summary>Exit code 0 without errors, 1 with errors, 2 when the folder cannot be read; never a crash.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            return RunCheck(args, output, error);
        }
        catch (Exception e)
        {
            // Whatever hostile content makes of the loader or the check, an editor gets a reason and an exit code a script can act on.
            error.WriteLine($"The content could not be checked ({e.GetType().Name}: {e.Message}).");
            return 1;
        }
    }

    private static int RunCheck(string[] args, TextWriter output, TextWriter error)
    {
        string? content = null;
        var format = "text";
        var layout = ContentLayout.Suffix;
        var useGit = true;
        var migration = false;
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
                    case "--migration":
                        migration = true;
                        break;
                    default:
                        throw new ArgumentException($"Unknown argument '{args[i]}'.");
                }
            }
            catch (ArgumentException e)
            {
                error.WriteLine(e.Message);
                error.WriteLine("Usage: check [--content DIR] [--format text|json] [--layout Suffix|Directories] [--en-dir D] [--sv-dir D] [--no-git] [--migration]");
                return 2;
            }
        }

        var root = ContentRootLocator.Resolve(content ?? "");
        ContentSnapshot snapshot;
        try
        {
            // The charts' settings (allowed hosts, where fetched copies and fetch problems are) as the portal reads them.
            var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            var charts = configuration.GetSection(Charts.ChartsOptions.SectionName).Get<Charts.ChartsOptions>() ?? new Charts.ChartsOptions();
            snapshot = new ContentLoader(Charts.ChartsOptions.Apply(new ContentOptions { Root = root, Layout = layout, Directories = directories }, charts)).Load();
        }
        catch (Exception e) when (e is DirectoryNotFoundException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"The content folder cannot be read: {e.Message}");
            return 2;
        }

        var report = ContentCheck.Run(snapshot, root, new CheckOptions(AppRoutes.IsAppRoute, useGit));
        if (migration)
        {
            return WriteMigration(MigrationReport.Build(snapshot, report, PlacedMenus()), root, snapshot.Pages.Count, format, output);
        }
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

    private static int WriteMigration(IReadOnlyList<MigrationItem> items, string root, int pages, string format, TextWriter output)
    {
        if (format == "json")
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                version = JsonVersion,
                root,
                pages,
                lossless = items.Count == 0,
                items = items.Select(i => new { kind = i.Kind, what = i.What, count = i.Count, files = i.Files }),
            }, Json));
        }
        else
        {
            foreach (var kind in items.GroupBy(i => i.Kind))
            {
                output.WriteLine($"{MigrationHeadings.GetValueOrDefault(kind.Key, kind.Key)}:");
                foreach (var item in kind)
                {
                    output.WriteLine($"  {item.What} ({item.Count}): {string.Join(", ", item.Files.Take(10))}{(item.Files.Count > 10 ? $", and {item.Files.Count - 10} more" : "")}");
                }
            }
            output.WriteLine(items.Count == 0
                ? $"{pages} pages in {root}: nothing is lost in the move."
                : $"{pages} pages in {root}: {items.Count} things will not carry over as they are.");
        }
        return items.Count == 0 ? 0 : 1;
    }

    private static readonly Dictionary<string, string> MigrationHeadings = new()
    {
        ["shortcode"] = "Shortcodes the portal does not implement (they render nothing)",
        ["layout"] = "layout values the portal has no view for",
        ["type"] = "type values the portal has no view for",
        ["hidden"] = "Pages never served (headless, _build render: never)",
        ["unlisted"] = "Pages served but not listed (_build list: never)",
        ["front-matter-key"] = "Front matter keys the portal keeps but does not use",
        ["menu"] = "Menus no Site:MainMenu, Site:TopMenu or Site:FooterMenus setting places",
        ["broken-link"] = "Links into the site that answer 404",
        ["broken-image"] = "Images that answer 404",
        ["alias-collision"] = "Aliases that collide",
        ["portal-route"] = "Sections named like a list the portal draws itself",
    };

    /// <summary>The menus the layout places, from the same settings the portal reads (appsettings.json, then environment).</summary>
    private static List<string> PlacedMenus()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var site = configuration.GetSection(SiteOptions.SectionName).Get<SiteOptions>() ?? new SiteOptions();
        return [site.MainMenu, site.TopMenu, .. site.FooterMenus];
    }
}
