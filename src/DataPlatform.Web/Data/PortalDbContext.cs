using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Web.Data;

/// <summary>The portal's one database: form submissions (and later staff accounts and the search index). The schema comes from <c>Data/Migrations/*.sql</c>.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Submission> Submissions => Set<Submission>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
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
    }

    /// <summary><c>InReview</c> → <c>in_review</c>, as the check constraints spell the values.</summary>
    internal static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
