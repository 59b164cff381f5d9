namespace Strive.Domain.Users;

public interface IUserService
{
    Task<UserView?> GetAsync(string userId, CancellationToken cancellationToken = default);
}
