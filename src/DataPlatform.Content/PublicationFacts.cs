namespace DataPlatform.Content;

/// <summary>What the facets of one publication count: its year (0: unknown), type (index in <see cref="PublicationTypes.All"/>), linked data and labels (indexes in <see cref="ResearchOutputs.Labels"/>).</summary>
public sealed record PublicationFacts(int Year, int Type, bool HasData, int[] Labels);
