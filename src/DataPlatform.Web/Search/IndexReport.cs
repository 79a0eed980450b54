using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DataPlatform.Content;
using Npgsql;
using NpgsqlTypes;

namespace DataPlatform.Web.Search;

/// <summary>What one synchronisation of the search index did.</summary>
public sealed record IndexReport(int Pages, int Upserted, int Deleted, TimeSpan Elapsed);
