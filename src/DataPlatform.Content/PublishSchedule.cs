namespace DataPlatform.Content;

/// <summary>
/// Which pages are live now (drafts, <c>publishDate</c>, <c>expiryDate</c>), and the next moment the site changes
/// by the clock alone: a page published or expired, an event ending, a registration closing, a notice starting
/// or ending. The store reloads then, so lists and caches follow the clock.
/// </summary>
internal sealed class PublishSchedule(DateTimeOffset now)
{
    /// <summary>The soonest future moment noted; null when nothing is scheduled.</summary>
    public DateTimeOffset? NextChange { get; private set; }

    /// <summary>Notes a moment the site changes; past ones are ignored.</summary>
    public void Note(DateTimeOffset at)
    {
        if (at > now && (NextChange is null || at < NextChange))
        {
            NextChange = at;
        }
    }

    /// <summary>Whether a page is published now; its publish or expiry moment is noted.</summary>
    public bool IsLive(Page page)
    {
        if (page.Meta.Draft)
        {
            return false;
        }
        if (page.Meta.PublishDate is { } publish && publish > now)
        {
            Note(publish);
            return false;
        }
        if (page.Meta.ExpiryDate is { } expiry)
        {
            if (expiry <= now)
            {
                return false;
            }
            Note(expiry);
        }
        return true;
    }

    /// <summary>An event moves from upcoming to past when it ends, and its registration closes at the deadline.</summary>
    public void NoteEventMoments(Page page)
    {
        if ((page.Meta.End ?? page.Meta.Start) is { } over)
        {
            Note(over);
        }
        if (page.Meta.RegistrationDeadline is { } deadline)
        {
            Note(deadline);
        }
    }

    public void NoteNotice(Notice notice)
    {
        Note(notice.Start);
        Note(notice.End);
    }
}
