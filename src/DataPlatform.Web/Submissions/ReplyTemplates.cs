namespace DataPlatform.Web.Submissions;

/// <summary>What frames a reply in each language; staff may change them in configuration.</summary>
public sealed class ReplyTemplates
{
    public Dictionary<string, string> Greeting { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["en"] = "Dear {name},", ["sv"] = "Hej {name}!" };

    public Dictionary<string, string> Signature { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "Best regards,\nThe {site} team",
        ["sv"] = "Vänliga hälsningar\n{site}",
    };
}
