namespace DataPlatform.Content;

/// <summary>How a JSON file's problems that are not syntax errors are told to editors.</summary>
public static class JsonProblems
{
    /// <summary>
    /// <c>"\ud800"</c> is valid JSON syntax but no Unicode text: System.Text.Json throws
    /// <see cref="InvalidOperationException"/> when such a string is read.
    /// </summary>
    public const string InvalidUnicode = "it holds a text that is not valid Unicode (an unpaired surrogate escape such as \\ud800)";

    /// <summary>The reason to give an editor for an exception met while reading JSON.</summary>
    public static string Reason(Exception e) => e is InvalidOperationException ? InvalidUnicode : e.Message;
}
