using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace Jishi.IntegrationTests.Reviews;

/// <summary>Reads an SQLite write-ahead log as an operator with the data folder would (the format of sqlite.org/fileformat2,
/// section "The Write-Ahead Log"): its committed transactions in order, each the pages it wrote. <see cref="Replay"/> lays
/// them one by one over a copy of the database file taken when the log was empty, giving the database as it stood after
/// each commit.</summary>
internal sealed class SqliteWal
{
    private const int HeaderLength = 32;
    private const int FrameHeaderLength = 24;

    public sealed record Commit(IReadOnlyList<(uint Page, byte[] Data)> Pages, uint DatabasePages);

    private SqliteWal(int pageSize, IReadOnlyList<Commit> commits)
    {
        PageSize = pageSize;
        Commits = commits;
    }

    public int PageSize { get; }
    public IReadOnlyList<Commit> Commits { get; }

    /// <summary>The commits of the log's current generation: frames whose salts match the header, up to the last commit frame.</summary>
    public static SqliteWal Parse(byte[] wal)
    {
        if (wal.Length < HeaderLength)
        {
            return new SqliteWal(0, []);
        }
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(8));
        var salt1 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(16));
        var salt2 = BinaryPrimitives.ReadUInt32BigEndian(wal.AsSpan(20));
        var commits = new List<Commit>();
        var pending = new List<(uint, byte[])>();
        for (var at = HeaderLength; at + FrameHeaderLength + pageSize <= wal.Length; at += FrameHeaderLength + pageSize)
        {
            var frame = wal.AsSpan(at, FrameHeaderLength);
            if (BinaryPrimitives.ReadUInt32BigEndian(frame[8..]) != salt1 || BinaryPrimitives.ReadUInt32BigEndian(frame[12..]) != salt2)
            {
                break;
            }
            pending.Add((BinaryPrimitives.ReadUInt32BigEndian(frame), wal.AsSpan(at + FrameHeaderLength, pageSize).ToArray()));
            var databasePages = BinaryPrimitives.ReadUInt32BigEndian(frame[4..]);
            if (databasePages != 0)
            {
                commits.Add(new Commit(pending, databasePages));
                pending = [];
            }
        }
        return new SqliteWal(pageSize, commits);
    }

    /// <summary>Calls <paramref name="read"/> with a connection to the database before the log (-1), then after each commit, in order.</summary>
    public async Task Replay(byte[] databaseBefore, string folder, Func<int, SqliteConnection, Task> read)
    {
        var image = new MemoryStream();
        image.Write(databaseBefore);
        for (var i = -1; i < Commits.Count; i++)
        {
            if (i >= 0)
            {
                foreach (var (page, data) in Commits[i].Pages)
                {
                    image.Position = (long)(page - 1) * PageSize;
                    image.Write(data);
                }
                image.SetLength((long)Commits[i].DatabasePages * PageSize);
            }
            var bytes = image.ToArray();
            // As a rollback-journal database (file format bytes 18 and 19): the copy opens on its own, without a log.
            bytes[18] = 1;
            bytes[19] = 1;
            var file = Path.Combine(folder, $"commit-{i + 1}.db");
            await File.WriteAllBytesAsync(file, bytes);
            await using (var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False"))
            {
                await connection.OpenAsync();
                await read(i, connection);
            }
            File.Delete(file);
        }
    }
}
