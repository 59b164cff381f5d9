using Strive.Domain.Goals;
using Strive.Domain.Users;

namespace Strive.Domain.Tests.Users;

/// <summary>How a person is shown to others: one rule, the same on the user and on the views.</summary>
public sealed class ShownNameTests
{
    [Theory]
    [InlineData("Ada Lovelace", "ada@example.com", "Ada Lovelace")]
    [InlineData("", "ada@example.com", "ada@example.com")]
    [InlineData("   ", "ada@example.com", "ada@example.com")]
    [InlineData(null, "ada@example.com", "ada@example.com")]
    [InlineData("", null, "")]
    public void ShownName_IsTheDisplayName_OrTheEmailWhenNoNameWasGiven(string? displayName, string? email,
        string shown)
    {
        var user = new StriveUser { DisplayName = displayName ?? "", Email = email };
        var view = new StakeholderView("u1", email ?? "", displayName ?? "", StakeholderRoles.Spectator,
            DateTimeOffset.UnixEpoch);

        Assert.Equal(shown, StriveUser.ShownNameOf(displayName, email));
        Assert.Equal(shown, user.ShownName);
        Assert.Equal(shown, view.ShownName);
    }
}
