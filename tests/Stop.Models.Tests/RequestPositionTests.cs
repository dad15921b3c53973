using Stop.Models.Positions;

namespace Stop.Models.Tests;

public sealed class RequestPositionTests
{
    [Fact]
    public void Parse_AndAppend_BuildTheSamePath()
    {
        var built = RequestPosition.Root.Append("gen1").Append("cand3").Append("call0").Append("k4");
        Assert.Equal(RequestPosition.Parse("gen1/cand3/call0/k4"), built);
        Assert.Equal("gen1/cand3/call0/k4", built.Path);
        Assert.Equal(["gen1", "cand3", "call0", "k4"], built.Segments);
        Assert.Equal("gen1/cand3/call0", built.Parent!.Path);
    }

    [Fact]
    public void FileId_RoundTripsToThePosition()
    {
        var position = RequestPosition.Parse("gen1/cand3/meta2/call0/k4");
        Assert.Equal("gen1.cand3.meta2.call0.k4", position.FileId);
        Assert.Equal(position, RequestPosition.FromFileId(position.FileId));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("a b")]
    [InlineData("..")]
    public void Append_RejectsSegmentsThatWouldNotBeSafeFileNames(string segment) =>
        Assert.Throws<ArgumentException>(() => RequestPosition.Root.Append(segment));
}
