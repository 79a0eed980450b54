namespace DataPlatform.Web.Site;

/// <summary>One value of a facet with how many records it would show, and the link that adds or removes it.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected, string Url);
