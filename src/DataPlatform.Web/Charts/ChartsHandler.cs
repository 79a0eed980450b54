using System.Net;
using System.Net.Sockets;
using DataPlatform.Content.Charts;

namespace DataPlatform.Web.Charts;

/// <summary>How chart data is reached: only hosts on <see cref="ChartsOptions.AllowedHosts"/>, never inward unless listed by name.</summary>
public static class ChartsHandler
{
    /// <summary>A handler that connects only where the allow list permits, and does not follow redirects.</summary>
    public static SocketsHttpHandler Create(ChartsOptions settings)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseProxy = false,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
                // Checked on the address actually connected to, so a name that resolves inward (or changes its answer) cannot slip through.
                var allowed = RemoteCharts.IsListed(host, settings.AllowedHosts) ? addresses : addresses.Where(a => !IsInternal(a)).ToArray();
                if (allowed.Length == 0)
                {
                    throw new HttpRequestException($"{host} is on a loopback or private network; list it in Charts:AllowedHosts by name to allow it");
                }
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return handler;
    }

    /// <summary>
    /// Loopback, private, link-local, carrier-grade NAT, unique-local, multicast or unspecified, or one of this host's own
    /// addresses (a public address of the machine reaches services that listen on every interface).
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || OwnAddressesCache.Get().Contains(address))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 10 || b[0] == 0 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224;
        }
        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (address.GetAddressBytes()[0] & 0xfe) == 0xfc;
    }

}

/// <summary>This host's interface addresses, read at most once a minute (interfaces come and go, but rarely).</summary>
file static class OwnAddressesCache
{
    private sealed record Cached(long Ticks, HashSet<IPAddress> Addresses);

    private static Cached _cache = new(long.MinValue / 2, []);

    public static HashSet<IPAddress> Get()
    {
        var now = Environment.TickCount64;
        var cache = Volatile.Read(ref _cache);
        if (now - cache.Ticks < 60_000)
        {
            return cache.Addresses;
        }
        HashSet<IPAddress> addresses;
        try
        {
            addresses = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .SelectMany(i => i.GetIPProperties().UnicastAddresses).Select(a => a.Address.IsIPv4MappedToIPv6 ? a.Address.MapToIPv4() : a.Address).ToHashSet();
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            addresses = cache.Addresses;
        }
        Volatile.Write(ref _cache, new Cached(now, addresses));
        return addresses;
    }
}
