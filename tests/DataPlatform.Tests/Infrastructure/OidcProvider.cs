using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace DataPlatform.Tests.Infrastructure;

/// <summary>
/// A small OpenID Connect provider on loopback: discovery, keys, authorize (signs in <see cref="Email"/> at once) and
/// token (checks the code and its PKCE verifier). What it puts in the ID token can be made wrong on purpose.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public enum Token { Good, WrongIssuer, Expired, WithoutSignature, Unverified }

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "test-key" };
    private readonly Dictionary<string, (string Challenge, string Nonce, string RedirectUri)> _codes = [];

    /// <summary>The provider's address, its issuer too.</summary>
    public string Authority { get; private set; } = "";

    /// <summary>Who the provider signs in.</summary>
    public string Email { get; set; } = "ada@example.org";

    public Token Issue { get; set; } = Token.Good;

    /// <summary>The query of the last authorization request, as the browser brought it.</summary>
    public IReadOnlyDictionary<string, string> LastAuthorize { get; private set; } = new Dictionary<string, string>();

    /// <summary>Whether the provider announces an end-session endpoint, and how often it was visited.</summary>
    public bool OffersEndSession { get; set; } = true;

    public int EndSessions { get; private set; }

    private string Issuer => Authority;

    private OidcProvider(WebApplication app) => _app = app;

    public static async Task<OidcProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var provider = new OidcProvider(app);
        provider.Map(app);
        await app.StartAsync();
        provider.Authority = app.Urls.Single();
        return provider;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object?>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["end_session_endpoint"] = OffersEndSession ? Issuer + "/logout" : null,
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }.Where(p => p.Value is not null).ToDictionary()));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        app.MapGet("/authorize", (HttpContext context) =>
        {
            var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
            LastAuthorize = query;
            var code = Guid.NewGuid().ToString("N");
            lock (_codes)
            {
                _codes[code] = (query.GetValueOrDefault("code_challenge", ""), query.GetValueOrDefault("nonce", ""), query["redirect_uri"]);
            }
            return Results.Redirect($"{query["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(query.GetValueOrDefault("state", ""))}");
        });
        app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            (string Challenge, string Nonce, string RedirectUri) grant;
            lock (_codes)
            {
                if (!_codes.Remove(form["code"].ToString(), out grant))
                {
                    return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
                }
            }
            var verifier = form["code_verifier"].ToString();
            if (Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) != grant.Challenge)
            {
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verifier does not match" }, statusCode: 400);
            }
            return Results.Json(new { access_token = "access", token_type = "Bearer", expires_in = 300, id_token = IdToken(form["client_id"].ToString(), grant.Nonce) });
        });
        app.MapGet("/logout", () =>
        {
            EndSessions++;
            return Results.Text("signed out");
        });
    }

    private string IdToken(string clientId, string nonce)
    {
        var now = DateTime.UtcNow;
        var expired = Issue == Token.Expired;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = "user-1",
            ["email"] = Email,
            ["email_verified"] = Issue != Token.Unverified,
            ["nonce"] = nonce,
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issue == Token.WrongIssuer ? "http://127.0.0.1:1/elsewhere" : Issuer,
            Audience = clientId,
            Claims = claims,
            IssuedAt = expired ? now.AddHours(-2) : now,
            NotBefore = expired ? now.AddHours(-2) : now.AddSeconds(-5),
            Expires = expired ? now.AddHours(-1) : now.AddMinutes(5),
            SigningCredentials = Issue == Token.WithoutSignature ? null : new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
