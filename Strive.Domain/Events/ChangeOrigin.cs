using Strive.Domain.Common;

namespace Strive.Domain.Events;

/// <summary>
/// Where a change came from: one id per DI scope, that is per Blazor circuit (one browser tab) or per
/// HTTP request. <see cref="Persistence.GoalWrites"/> stamps it on every <see cref="GoalChange"/>, so a
/// board can skip the notice its own change caused while still hearing the same user's other tabs.
/// </summary>
public sealed class ChangeOrigin
{
    public string Id { get; } = Ids.New();
}
