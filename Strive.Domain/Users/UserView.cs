namespace Strive.Domain.Users;

public sealed record UserView(string Id, string Email, string DisplayName, DateTimeOffset CreatedAt);
