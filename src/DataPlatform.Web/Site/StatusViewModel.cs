namespace DataPlatform.Web.Site;

/// <summary>The message for an error status, in the language of the page the visitor asked for.</summary>
public sealed class StatusViewModel : LayoutViewModel
{
    public int StatusCode { get; set; }

    public string Message { get; set; } = "";
}
