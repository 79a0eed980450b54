namespace DataPlatform.Content;

/// <summary>A row of a data table: its cells in field order, and the text the search box looks in (<see cref="TextQuery.Searchable"/>).</summary>
public sealed record DataRow(DataCell[] Cells, string SearchText, int Line);
