using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Publishing;

/// <summary>
/// Runs the <c>git</c> client, with whatever credentials it is configured with; a token from
/// <see cref="GitContentOptions.Token"/> goes in an environment variable (an HTTP header), never on the command line,
/// in a URL or in a message. Never asks on a terminal.
/// </summary>
public sealed class GitClient(IOptions<GitContentOptions> options)
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public async Task<Result> RunAsync(string? directory, IEnumerable<string> arguments, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (directory is not null)
        {
            info.ArgumentList.Add("-C");
            info.ArgumentList.Add(directory);
        }
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes";
        var token = options.Value.Token;
        if (token.Length > 0)
        {
            info.Environment["GIT_CONFIG_COUNT"] = "1";
            info.Environment["GIT_CONFIG_KEY_0"] = "http.extraHeader";
            info.Environment["GIT_CONFIG_VALUE_0"] = "Authorization: Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("x-access-token:" + token));
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException("git could not be started");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, "", $"git {string.Join(' ', info.ArgumentList.Skip(directory is null ? 0 : 2).Take(1))} took too long");
        }
        return new Result(process.ExitCode, (await output).Trim(), Scrub((await error).Trim()));
    }

    /// <summary>The text without the token, whatever git printed.</summary>
    public string Scrub(string text) => options.Value.Token is { Length: > 0 } token ? text.Replace(token, "***", StringComparison.Ordinal) : text;
}
