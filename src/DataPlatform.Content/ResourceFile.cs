namespace DataPlatform.Content;

/// <summary>Any other file under the content folders (images, PDFs): served beside its page.</summary>
internal sealed record ResourceFile(string FullPath, string LogicalPath, SiteLanguage Language);
