namespace DataPlatform.Content;

/// <summary>Where translations live relative to their source pages.</summary>
public enum ContentLayout
{
    /// <summary>A translation sits beside its page as <c>&lt;name&gt;.sv.md</c> (Hugo's default).</summary>
    Suffix,

    /// <summary>Each language has its own folder under the content root, pages paired by relative path.</summary>
    Directories,
}
