namespace DataPlatform.Web.Localization;

/// <summary>
/// Marker for the portal's UI strings. The English text is the key; Swedish lives in <c>SharedResource.sv.resx</c>.
/// </summary>
public sealed class SharedResource;
