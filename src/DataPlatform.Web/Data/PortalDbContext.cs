using DataPlatform.Web.Staff;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> entity)
    {
        entity.ToTable("submissions");
        entity.HasKey(s => s.Id);
        entity.Property(s => s.Id).HasColumnName("id");
        entity.Property(s => s.Reference).HasColumnName("reference");
        entity.Property(s => s.IdempotencyKey).HasColumnName("idempotency_key");
        entity.Property(s => s.Kind).HasColumnName("kind").HasConversion(k => SnakeCase(k.ToString()), v => Enum.Parse<SubmissionKind>(v.Replace("_", ""), true));
        entity.Property(s => s.Status).HasColumnName("status").HasConversion(k => SnakeCase(k.ToString()), v => Enum.Parse<SubmissionStatus>(v.Replace("_", ""), true));
        entity.Property(s => s.Language).HasColumnName("language");
        entity.Property(s => s.SourcePage).HasColumnName("source_page");
        entity.Property(s => s.Name).HasColumnName("name");
        entity.Property(s => s.Email).HasColumnName("email");
        entity.Property(s => s.Title).HasColumnName("title");
        entity.Property(s => s.Message).HasColumnName("message");
        entity.Property(s => s.Fields).HasColumnName("fields").HasColumnType("jsonb");
        entity.Property(s => s.SpamReason).HasColumnName("spam_reason");
        entity.Property(s => s.ReceivedAt).HasColumnName("received_at");
        entity.Property(s => s.StoredAt).HasColumnName("stored_at");
        entity.Property(s => s.NotifiedAt).HasColumnName("notified_at");
        entity.Property(s => s.AssignedTo).HasColumnName("assigned_to");
        // PostgreSQL's xmin: changes on every update, so two staff saving the same row cannot both win.
        entity.Property(s => s.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }

    /// <summary><c>InReview</c> → <c>in_review</c>, as the check constraints spell the values.</summary>
    internal static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

internal sealed class SubmissionNoteConfiguration : IEntityTypeConfiguration<SubmissionNote>
{
    public void Configure(EntityTypeBuilder<SubmissionNote> entity)
    {
        entity.ToTable("submission_notes");
        entity.HasKey(n => n.Id);
        entity.Property(n => n.Id).HasColumnName("id");
        entity.Property(n => n.SubmissionId).HasColumnName("submission_id");
        entity.Property(n => n.Author).HasColumnName("author");
        entity.Property(n => n.Text).HasColumnName("text");
        entity.Property(n => n.CreatedAt).HasColumnName("created_at");
    }
}

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> entity)
    {
        entity.ToTable("submission_events");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).HasColumnName("id");
        entity.Property(e => e.SubmissionId).HasColumnName("submission_id");
        entity.Property(e => e.Actor).HasColumnName("actor");
        entity.Property(e => e.Action).HasColumnName("action");
        entity.Property(e => e.OldValue).HasColumnName("old_value");
        entity.Property(e => e.NewValue).HasColumnName("new_value");
        entity.Property(e => e.At).HasColumnName("at");
    }
}
