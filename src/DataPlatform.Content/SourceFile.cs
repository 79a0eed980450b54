namespace DataPlatform.Content;

/// <summary>A Markdown file of the content: where it is, its language, its language-neutral path, and what says it changed.</summary>
internal sealed record SourceFile(string FullPath, string RelativePath, SiteLanguage Language, string LogicalPath, DateTime Modified, long Length);
