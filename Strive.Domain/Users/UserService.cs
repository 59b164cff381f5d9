using Microsoft.EntityFrameworkCore;
using Strive.Domain.Persistence;

namespace Strive.Domain.Users;

public sealed class UserService(IDbContextFactory<StriveDbContext> contexts) : IUserService
{
    public async Task<UserView?> GetAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserView(u.Id, u.Email ?? "", u.DisplayName, u.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }
}
