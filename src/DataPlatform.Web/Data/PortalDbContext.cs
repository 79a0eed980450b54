using DataPlatform.Web.Staff;
using DataPlatform.Web.Submissions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Web.Data;

/// <summary>
/// The portal's one database: form submissions with their notes and audit trail, and staff accounts
/// (ASP.NET Core Identity). The schema comes from <c>Data/Migrations/*.sql</c>, not from EF migrations.
/// </summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();

    public DbSet<SubmissionNote> SubmissionNotes => Set<SubmissionNote>();

    public DbSet<SubmissionEvent> SubmissionEvents => Set<SubmissionEvent>();

    public DbSet<SubmissionReply> SubmissionReplies => Set<SubmissionReply>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
