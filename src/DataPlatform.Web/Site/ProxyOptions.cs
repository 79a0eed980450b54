using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DataPlatform.Web.Site;

/// <summary>The <c>Proxy</c> configuration section: which reverse proxies may tell the portal the client's address and scheme.</summary>
public sealed class ProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Proxy addresses (<c>10.0.0.5</c>) whose <c>X-Forwarded-For</c>/<c>-Proto</c> are believed.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form (<c>10.244.0.0/16</c>, a cluster's pod network).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public static void Configure(ForwardedHeadersOptions options, ProxyOptions proxies)
    {
        // With no known proxies at all, ASP.NET would accept the headers from anyone; so then read none.
        options.ForwardedHeaders = proxies.KnownProxies.Count + proxies.KnownNetworks.Count == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        // ASP.NET trusts loopback by default; here nothing is trusted unless configured, so a client cannot
        // pick its own address for the rate limit by sending a header.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in proxies.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }
}
