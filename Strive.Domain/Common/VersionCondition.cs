namespace Strive.Domain.Common;

/// <summary>
/// A write's precondition on the goal's version (the API's If-Match): the change runs only when the version
/// it starts from is one of <see cref="Accepted"/>. It is checked against the version the change's own access
/// check read, and the change's claim on that same version (docs/decisions/002, 004) makes check and write
/// one atomic step: a writer that commits in between makes the claim fail, and the replay sees the new version.
/// </summary>
public sealed record VersionCondition(IReadOnlyCollection<Guid> Accepted)
{
    public bool Accepts(Guid version) => Accepted.Contains(version);
}
