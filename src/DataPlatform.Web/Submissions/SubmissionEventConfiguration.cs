using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Web.Submissions;

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
