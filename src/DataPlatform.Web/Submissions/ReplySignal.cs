using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using DataPlatform.Content;
using DataPlatform.Web.Data;
using DataPlatform.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataPlatform.Web.Submissions;

/// <summary>Wakes the reply sender when a reply was queued.</summary>
public sealed class ReplySignal : WorkerSignal;
