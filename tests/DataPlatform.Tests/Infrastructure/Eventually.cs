namespace DataPlatform.Tests.Infrastructure;

/// <summary>The one way tests wait for something the portal does in the background (a reload, the index, a delivery).</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> when <paramref name="seconds"/> pass first.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, double seconds = 5, int pollMilliseconds = 50)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {seconds} s");
            }
            await Task.Delay(pollMilliseconds);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, double seconds = 5) =>
        TrueAsync(() => Task.FromResult(condition()), what, seconds);
}
