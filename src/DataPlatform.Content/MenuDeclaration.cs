namespace DataPlatform.Content;

/// <summary>One entry a page puts in a named menu (<c>menu: {main: {weight: 10}}</c>).</summary>
public sealed record MenuDeclaration(string Menu, string? Name, string? Identifier, int Weight, string? Parent, string? Pre, string? Post);
