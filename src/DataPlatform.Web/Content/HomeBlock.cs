using DataPlatform.Content;

namespace DataPlatform.Web.Content;

/// <summary>A titled list of pages on the home page, with a link to the whole section.</summary>
public sealed record HomeBlock(string Heading, Page Section, IReadOnlyList<Page> Pages);
