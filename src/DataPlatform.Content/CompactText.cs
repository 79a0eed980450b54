using System.IO.Compression;

namespace DataPlatform.Content;

/// <summary>Brotli at its fastest setting: for keeping rendered pages small in memory, not for the wire.</summary>
public static class CompactText
{
    public static byte[] Compress(byte[] data)
    {
        if (data.Length == 0)
        {
            return [];
        }
        using var output = new MemoryStream(data.Length / 3);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest))
        {
            brotli.Write(data);
        }
        return output.ToArray();
    }

    public static byte[] Expand(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(data.Length * 4);
        brotli.CopyTo(output);
        return output.ToArray();
    }
}
