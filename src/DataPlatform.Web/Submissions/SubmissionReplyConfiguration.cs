using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DataPlatform.Web.Submissions;

internal sealed class SubmissionReplyConfiguration : IEntityTypeConfiguration<SubmissionReply>
{
    public void Configure(EntityTypeBuilder<SubmissionReply> entity)
    {
        entity.HasKey(r => r.Id);
    }
}
