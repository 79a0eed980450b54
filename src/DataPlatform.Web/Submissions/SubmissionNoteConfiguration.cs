using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Web.Submissions;

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
