using System.Collections.Concurrent;

namespace DataPlatform.Web.Staff;

/// <summary>
/// Slows password guessing down without letting anyone lock an account. Failed sign-ins are counted per client
/// address, per account from that address, and per account from everywhere; past a few free tries each further
/// attempt must wait twice as long as the one before, up to <see cref="MaxWait"/>. Nothing is locked: the wait
/// ends by itself, and a browser the account has signed in from before (its device cookie) is not held back by
/// failures from elsewhere, so an attacker cannot keep the owner out. The count is keyed by the typed address,
/// whether an account has it or not, so the throttle tells nothing about which accounts exist.
/// </summary>
/// <remarks>In memory, per replica: behind several replicas an attacker gets a few more tries, never unlimited ones.</remarks>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeTriesPerAccountAndAddress = 5;
    public const int FreeTriesPerAddress = 20;
    public const int FreeTriesPerAccount = 20;
    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(15);

    /// <summary>Failures older than this are forgotten.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private const int PruneAbove = 100_000;

    private readonly record struct Failures(int Count, DateTimeOffset Last);

    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    /// <summary>How long this attempt must wait before its password is even checked; zero when it may go ahead.</summary>
    public TimeSpan Wait(string address, string account, bool knownDevice)
    {
        var now = clock.GetUtcNow();
        var wait = TimeSpan.Zero;
        foreach (var (key, free) in Keys(address, account, knownDevice))
        {
            if (_failures.TryGetValue(key, out var failures) && now - failures.Last < Memory && failures.Count >= free)
            {
                var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, failures.Count - free), MaxWait.TotalSeconds));
                var left = failures.Last + delay - now;
                wait = left > wait ? left : wait;
            }
        }
        return wait;
    }

    public void Failed(string address, string account)
    {
        var now = clock.GetUtcNow();
        if (_failures.Count > PruneAbove)
        {
            foreach (var (key, failures) in _failures)
            {
                if (now - failures.Last >= Memory)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
        foreach (var (key, _) in Keys(address, account, knownDevice: false))
        {
            _failures.AddOrUpdate(key, new Failures(1, now), (_, old) => new Failures(now - old.Last < Memory ? old.Count + 1 : 1, now));
        }
    }

    /// <summary>The right password: this address's tries at this account start afresh (others' do not).</summary>
    public void Succeeded(string address, string account) => _failures.TryRemove(PairKey(address, account), out _);

    private static IEnumerable<(string Key, int FreeTries)> Keys(string address, string account, bool knownDevice)
    {
        yield return (PairKey(address, account), FreeTriesPerAccountAndAddress);
        yield return ("address\n" + address, FreeTriesPerAddress);
        if (!knownDevice)
        {
            yield return ("account\n" + Normalize(account), FreeTriesPerAccount);
        }
    }

    private static string PairKey(string address, string account) => "pair\n" + address + "\n" + Normalize(account);

    private static string Normalize(string account) => account.Trim().ToUpperInvariant();
}
