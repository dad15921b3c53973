using System.Buffers.Binary;
using System.Collections;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Stop.Tasks.Generation;

/// <summary>
/// SHA-256 over an explicit, culture-free serialization of every instance of a split: each value is a
/// type tag and its little-endian bytes (doubles as their IEEE bits), records as their public properties
/// sorted by name. Any drift in generation, on any machine or runtime, changes the hash.
/// </summary>
public static class InstanceFingerprint
{
    /// <summary>The fingerprint of every instance of a split.</summary>
    public static string Hash(DownstreamTask task, Split split)
    {
        using var buffer = new MemoryStream();
        for (var index = 0; index < task.InstanceCount(split); index++)
        {
            Write(buffer, task.CreateInstance(split, index));
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>The canonical bytes of one value.</summary>
    public static byte[] Serialize(object? value)
    {
        using var buffer = new MemoryStream();
        Write(buffer, value);
        return buffer.ToArray();
    }

    private static void Write(Stream stream, object? value)
    {
        Span<byte> bytes = stackalloc byte[8];
        switch (value)
        {
            case null:
                stream.WriteByte((byte)'N');
                break;
            case bool b:
                stream.WriteByte((byte)'b');
                stream.WriteByte(b ? (byte)1 : (byte)0);
                break;
            case int i:
                stream.WriteByte((byte)'i');
                BinaryPrimitives.WriteInt32LittleEndian(bytes, i);
                stream.Write(bytes[..4]);
                break;
            case double d:
                stream.WriteByte((byte)'d');
                BinaryPrimitives.WriteInt64LittleEndian(bytes, BitConverter.DoubleToInt64Bits(d));
                stream.Write(bytes);
                break;
            case Enum e:
                Write(stream, Convert.ToInt32(e, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case string s:
                stream.WriteByte((byte)'s');
                WriteText(stream, s);
                break;
            case IList list:
                stream.WriteByte((byte)'a');
                Write(stream, list.Count);
                foreach (var item in list)
                {
                    Write(stream, item);
                }
                break;
            default:
                stream.WriteByte((byte)'o');
                WriteText(stream, value.GetType().Name);
                foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    WriteText(stream, property.Name);
                    Write(stream, property.GetValue(value));
                }
                break;
        }
    }

    private static void WriteText(Stream stream, string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        Write(stream, utf8.Length);
        stream.Write(utf8);
    }
}
