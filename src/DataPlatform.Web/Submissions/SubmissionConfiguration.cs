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

internal sealed class SubmissionReplyConfiguration : IEntityTypeConfiguration<SubmissionReply>
{
    public void Configure(EntityTypeBuilder<SubmissionReply> entity)
    {
        entity.ToTable("submission_replies");
        entity.HasKey(r => r.Id);
        entity.Property(r => r.Id).HasColumnName("id");
        entity.Property(r => r.SubmissionId).HasColumnName("submission_id");
        entity.Property(r => r.Author).HasColumnName("author");
        entity.Property(r => r.ToAddress).HasColumnName("to_address");
        entity.Property(r => r.Subject).HasColumnName("subject");
        entity.Property(r => r.Body).HasColumnName("body");
        entity.Property(r => r.Language).HasColumnName("language");
        entity.Property(r => r.State).HasColumnName("state");
        entity.Property(r => r.Attempts).HasColumnName("attempts");
        entity.Property(r => r.LastError).HasColumnName("last_error");
        entity.Property(r => r.CreatedAt).HasColumnName("created_at");
        entity.Property(r => r.SentAt).HasColumnName("sent_at");
    }
}
