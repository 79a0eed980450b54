using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Web.Submissions;

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
