using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Web.Submissions;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> entity)
    {
        entity.ToTable("submissions");
        entity.HasKey(s => s.Id);
        entity.Property(s => s.Id).HasColumnName("id");
        entity.Property(s => s.Reference).HasColumnName("reference");
        entity.Property(s => s.IdempotencyKey).HasColumnName("idempotency_key");
        entity.Property(s => s.Kind).HasColumnName("kind").HasConversion(k => SubmissionNames.Of(k), v => SubmissionNames.ParseKind(v)!.Value);
        entity.Property(s => s.Status).HasColumnName("status").HasConversion(s => SubmissionNames.Of(s), v => SubmissionNames.ParseStatus(v)!.Value);
        entity.Property(s => s.Language).HasColumnName("language");
        entity.Property(s => s.SourcePage).HasColumnName("source_page");
        entity.Property(s => s.Name).HasColumnName("name");
        entity.Property(s => s.Email).HasColumnName("email");
        entity.Property(s => s.Title).HasColumnName("title");
        entity.Property(s => s.Message).HasColumnName("message");
        entity.Property(s => s.Fields).HasColumnName("fields").HasColumnType("jsonb");
        entity.Property(s => s.SpamReason).HasColumnName("spam_reason");
        entity.Property(s => s.StampHash).HasColumnName("stamp_hash");
        entity.Property(s => s.ReceivedAt).HasColumnName("received_at");
        entity.Property(s => s.StoredAt).HasColumnName("stored_at");
        entity.Property(s => s.NotifiedAt).HasColumnName("notified_at");
        entity.Property(s => s.AssignedTo).HasColumnName("assigned_to");
        // PostgreSQL's xmin: changes on every update, so two staff saving the same row cannot both win.
        entity.Property(s => s.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}
