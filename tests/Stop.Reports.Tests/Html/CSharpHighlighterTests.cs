using Stop.Reports.Html;

namespace Stop.Reports.Tests.Html;

public sealed class CSharpHighlighterTests
{
    [Fact]
    public void HighlightLine_MarksKeywordsStringsAndComments_AndEscapesThem()
    {
        var inComment = false;

        var html = CSharpHighlighter.HighlightLine("var s = \"</script>\"; // a < b", ref inComment);

        Assert.Equal("<span class=\"kw\">var</span> s = <span class=\"str\">&quot;&lt;/script&gt;&quot;</span>; <span class=\"com\">// a &lt; b</span>", html);
    }

    [Fact]
    public void HighlightLine_CarriesABlockCommentToTheNextLine()
    {
        var inComment = false;

        CSharpHighlighter.HighlightLine("x = 1; /* start", ref inComment);
        var next = CSharpHighlighter.HighlightLine("still */ return x;", ref inComment);

        Assert.False(inComment);
        Assert.Equal("<span class=\"com\">still */</span> <span class=\"kw\">return</span> x;", next);
    }
}
