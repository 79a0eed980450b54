namespace DataPlatform.Web.Site;

/// <summary>Endpoint metadata: the action answers JSON or HTML for the same URL by the Accept header, so the page cache keeps both.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class VaryByAcceptAttribute : Attribute;
