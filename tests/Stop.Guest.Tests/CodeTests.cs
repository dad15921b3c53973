namespace Stop.Guest.Tests;

/// <summary>Code extraction as STOP does it, with nesting, and where Stop does better.</summary>

public sealed class CodeTests
{
    [Fact]
    public void Extract_ReturnsTheBodyOfACsharpFence()
    {
        var response = "Here it is:\n```csharp\nint Add(int a, int b) => a + b;\n```\nDone.";
        Assert.Equal("int Add(int a, int b) => a + b;", Code.Extract(response));
    }

    [Theory]
    [InlineData("```cs\nvar x = 1;\n```")]
    [InlineData("```\nvar x = 1;\n```")]
    [InlineData("```C#\r\nvar x = 1;\r\n```\r\n")]
    public void Extract_AcceptsCsTagsBareFencesAndWindowsLineEnds(string response) =>
        Assert.Equal("var x = 1;", Code.Extract(response));

    [Fact]
    public void Extract_ReturnsTheLargestOfSeveralBlocks()
    {
        var response = "```csharp\nshort();\n```\ntext\n```csharp\nmuch_longer_call();\nanother();\n```";
        Assert.Equal("much_longer_call();\nanother();", Code.Extract(response));
    }

    [Fact]
    public void Extract_KeepsANestedTaggedBlockInsideItsOuterBlock()
    {
        var response = "```markdown\nintro\n```csharp\ninner();\n```\noutro\n```";
        Assert.Equal("intro\n```csharp\ninner();\n```\noutro", Code.Extract(response));
    }

    [Fact]
    public void Extract_TakesAnUnterminatedFenceUpToTheEnd()
    {
        var response = "```csharp\nvoid Cut()\n{\n    Work();";
        Assert.Equal("void Cut()\n{\n    Work();", Code.Extract(response));
    }

    [Theory]
    [InlineData("No code here, just words.")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("```csharp\n```")]
    public void Extract_ReturnsNull_WhenThereIsNoCode(string? response) => Assert.Null(Code.Extract(response));

    [Fact]
    public void Extract_RecognisesIndentedFences()
    {
        var response = "1. Do this:\n   ```csharp\n   Call();\n   ```";
        Assert.Equal("   Call();", Code.Extract(response));
    }

    [Fact]
    public void Extract_KeepsAnImproverWhosePromptStringHoldsFences()
    {
        var improver = "string ImproveAlgorithm(string s, Utility u, LanguageModel m)\n{\n    var message = $\"\"\"\nImprove:\n```csharp\n{s}\n```\n\"\"\";\n    return s;\n}";
        var response = $"My idea.\n```csharp\n{improver}\n```\nThat is all.";

        Assert.Equal(improver, Code.Extract(response));
    }
}
