using System.Security.Cryptography;
using DataPlatform.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DataPlatform.Web.Staff;

/// <summary>
/// <c>staff add|list|disable|enable|reset</c>: the only way accounts come to exist. A new or reset account
/// gets a one-time password (printed, or read from standard input with <c>--password-stdin</c>) that must be
/// changed at the first sign-in. Exit code 0 on success, 1 when the command failed, 2 for wrong arguments.
/// </summary>
public static class StaffCommand
{
    private const string Usage = """
        Usage:
          staff add <email> [--role Staff|Admin] [--password-stdin]
          staff list
          staff disable <email>
          staff enable <email>
          staff reset <email> [--password-stdin]
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            error.WriteLine(Usage);
            return 2;
        }
        try
        {
            await DatabaseMigrator.MigrateAsync(services.GetRequiredService<NpgsqlDataSource>());
            services.GetRequiredService<DatabaseState>().MarkMigrated();
        }
        catch (NpgsqlException e)
        {
            error.WriteLine($"The database cannot be reached: {e.Message}");
            return 1;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var fromStdin = args.Contains("--password-stdin");
        var roleIndex = Array.IndexOf(args, "--role");
        var roleName = roleIndex >= 0 && roleIndex + 1 < args.Length ? args[roleIndex + 1] : StaffRoles.Staff;
        var email = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;

        switch (args[0])
        {
            case "list":
                foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
                {
                    var state = user.LockoutEnd is { } end && end > services.GetRequiredService<TimeProvider>().GetUtcNow() ? (end.Year > 9000 ? "disabled" : $"locked until {end:u}") : "active";
                    output.WriteLine($"{user.Email}\t{string.Join(',', await users.GetRolesAsync(user))}\t{state}{(user.MustChangePassword ? "\tmust change password" : "")}");
                }
                return 0;
            case "add" when email is not null:
                var role = StaffRoles.All.FirstOrDefault(r => r.Equals(roleName, StringComparison.OrdinalIgnoreCase));
                if (role is null)
                {
                    error.WriteLine($"Unknown role '{roleName}'; use Staff or Admin.");
                    return 2;
                }
                if (await users.FindByEmailAsync(email) is not null)
                {
                    error.WriteLine($"{email} already has an account; use 'staff reset {email}' for a new password.");
                    return 1;
                }
                var password = fromStdin ? input.ReadLine()?.Trim() ?? "" : NewPassword();
                var created = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, MustChangePassword = true, CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow() };
                if (!Report(await users.CreateAsync(created, password), error) || !Report(await users.AddToRoleAsync(created, role), error))
                {
                    return 1;
                }
                output.WriteLine($"Created {email} with role {role}.");
                if (!fromStdin)
                {
                    output.WriteLine($"One-time password (to be changed at first sign-in): {password}");
                }
                return 0;
            case "disable" or "enable" or "reset" when email is not null:
                var account = await users.FindByEmailAsync(email);
                if (account is null)
                {
                    error.WriteLine($"There is no account for {email}.");
                    return 1;
                }
                if (args[0] == "disable")
                {
                    await users.SetLockoutEnabledAsync(account, true);
                    await users.SetLockoutEndDateAsync(account, DateTimeOffset.MaxValue);
                    await users.UpdateSecurityStampAsync(account); // signs the account out everywhere
                    output.WriteLine($"Disabled {email}.");
                }
                else if (args[0] == "enable")
                {
                    await users.SetLockoutEndDateAsync(account, null);
                    await users.ResetAccessFailedCountAsync(account);
                    output.WriteLine($"Enabled {email}.");
                }
                else
                {
                    var newPassword = fromStdin ? input.ReadLine()?.Trim() ?? "" : NewPassword();
                    var token = await users.GeneratePasswordResetTokenAsync(account);
                    if (!Report(await users.ResetPasswordAsync(account, token, newPassword), error))
                    {
                        return 1;
                    }
                    account.MustChangePassword = true;
                    await users.UpdateAsync(account);
                    await users.SetLockoutEndDateAsync(account, null);
                    await users.UpdateSecurityStampAsync(account);
                    output.WriteLine($"Reset the password of {email}.");
                    if (!fromStdin)
                    {
                        output.WriteLine($"One-time password (to be changed at first sign-in): {newPassword}");
                    }
                }
                return 0;
            default:
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static bool Report(IdentityResult result, TextWriter error)
    {
        foreach (var problem in result.Errors)
        {
            error.WriteLine(problem.Description);
        }
        return result.Succeeded;
    }

    /// <summary>20 random characters with every class the password rules ask for.</summary>
    public static string NewPassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", symbols = "!#%+-=?@";
        var all = lower + upper + digits + symbols;
        var chars = new List<char> { Pick(lower), Pick(upper), Pick(digits), Pick(symbols) };
        while (chars.Count < 20)
        {
            chars.Add(Pick(all));
        }
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }
}
