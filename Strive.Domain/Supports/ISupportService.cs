using Strive.Domain.Common;

namespace Strive.Domain.Supports;

public interface ISupportService
{
    /// <summary>The goal's supports, for its stakeholders.</summary>
    Task<Result<IReadOnlyList<SupportView>>> ListAsync(string actorId, string goalId,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// A supporter pledges something for the goal (<paramref name="milestoneId"/> null) or for one
    /// pending milestone.
    /// </summary>
    Task<Result<SupportView>> PledgeAsync(string actorId, string goalId, string? milestoneId, string? description,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The supporter who pledged says whether the pledge was given (<paramref name="accept"/>) once its milestone
    /// or goal has finished, with an optional note. Final.
    /// </summary>
    Task<Result<SupportView>> DecideAsync(string actorId, string goalId, string supportId, bool accept, string? note,
        CancellationToken cancellationToken = default);
}
