using Strive.Domain.Events;

namespace Strive.Domain.Tests.Events;

public sealed class MilestoneMovedDetailTests
{
    [Theory]
    [InlineData("Run 5K", 0, 1)]
    [InlineData("Plan → execute", 41, 42)]
    public void Format_ThenTryParse_GivesTheContentAndTheOneBasedPosition(string content, int order, int position)
    {
        var detail = MilestoneMovedDetail.Format(content, order);

        Assert.True(MilestoneMovedDetail.TryParse(detail, out var parsedContent, out var parsedPosition));
        Assert.Equal((content, position), (parsedContent, parsedPosition));
    }

    [Fact]
    public void TryParse_OfADetailWithoutPosition_Fails()
    {
        Assert.False(MilestoneMovedDetail.TryParse("Run 5K", out var content, out _));
        Assert.Equal("Run 5K", content);
    }
}
