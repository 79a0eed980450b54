using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace DataPlatform.Web.Data;

/// <summary>
/// Keeps Data Protection keys in PostgreSQL (shared by replicas) with a copy in a local folder, so the
/// forms keep working from the last known keys while the database is unreachable.
/// </summary>
public sealed class PostgresXmlRepository(NpgsqlDataSource dataSource, string mirrorDirectory, ILogger<PostgresXmlRepository> logger) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        try
        {
            var elements = new List<(string Name, XElement Xml)>();
            using (var command = dataSource.CreateCommand("select friendly_name, xml from data_protection_keys order by created_at"))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    elements.Add((reader.GetString(0), XElement.Parse(reader.GetString(1))));
                }
            }
            Directory.CreateDirectory(mirrorDirectory);
            foreach (var (name, xml) in elements)
            {
                File.WriteAllText(MirrorPath(name), xml.ToString(SaveOptions.DisableFormatting));
            }
            return elements.Select(e => e.Xml).ToList();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning("Data protection keys read from the local copy; the database is unavailable ({Reason})", e.Message);
            return Directory.Exists(mirrorDirectory)
                ? Directory.EnumerateFiles(mirrorDirectory, "*.xml").Select(f => XElement.Parse(File.ReadAllText(f))).ToList()
                : [];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        Directory.CreateDirectory(mirrorDirectory);
        File.WriteAllText(MirrorPath(friendlyName), element.ToString(SaveOptions.DisableFormatting));
        using var command = dataSource.CreateCommand("insert into data_protection_keys (friendly_name, xml) values ($1, $2) on conflict (friendly_name) do nothing");
        command.Parameters.AddWithValue(friendlyName);
        command.Parameters.AddWithValue(element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }

    private string MirrorPath(string friendlyName) =>
        Path.Combine(mirrorDirectory, string.Concat(friendlyName.Where(c => char.IsLetterOrDigit(c) || c == '-')) + ".xml");
}
