namespace DataPlatform.Content;

/// <summary>A sort order: the field and its direction.</summary>
public readonly record struct DataSort(int Field, bool Descending);
