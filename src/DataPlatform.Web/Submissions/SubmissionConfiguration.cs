using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Web.Submissions;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> entity)
    {
        entity.HasKey(s => s.Id);
        entity.Property(s => s.Kind).HasConversion(k => SubmissionNames.Of(k), v => SubmissionNames.ParseKind(v)!.Value);
        entity.Property(s => s.Status).HasConversion(s => SubmissionNames.Of(s), v => SubmissionNames.ParseStatus(v)!.Value);
        entity.Property(s => s.Fields).HasColumnType("jsonb");
        // PostgreSQL's xmin: changes on every update, so two staff saving the same row cannot both win.
        entity.Property(s => s.Version).HasColumnName("xmin").HasColumnType("xid").ValueGeneratedOnAddOrUpdate().IsConcurrencyToken();
    }
}
