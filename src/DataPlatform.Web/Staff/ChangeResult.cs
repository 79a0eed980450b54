using DataPlatform.Content;
using System.Text.Json;
using DataPlatform.Web.Data;
using DataPlatform.Web.Submissions;
using Microsoft.EntityFrameworkCore;

namespace DataPlatform.Web.Staff;

/// <summary>What a change from staff came to.</summary>
public enum ChangeResult
{
    Saved,
    Unchanged,
    NotFound,
    Conflict,
}
