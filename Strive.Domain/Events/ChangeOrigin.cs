using Microsoft.EntityFrameworkCore;
using Strive.Domain.Common;

namespace Strive.Domain.Events;

/// <summary>
/// Where a change came from: one id per DI scope, that is per Blazor circuit (one browser tab) or per
/// HTTP request. <see cref="Persistence.GoalWrites"/> stamps it on every <see cref="GoalChange"/>, so a
/// board can skip the notice its own change caused while still hearing the same user's other tabs.
/// A request made through an agent (the MCP server) also names it, and every event it records says so.
/// </summary>
public sealed class ChangeOrigin
{
    public string Id { get; } = Ids.New();

    /// <summary>The agent this scope acts through (an OAuth app's name, or "MCP"); null for a person's own change.</summary>
    public string? Agent { get; private set; }

    public void MarkAgent(string agent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agent);
        Agent = agent;
    }

    /// <summary>Makes every event <paramref name="db"/> saves name the agent, when there is one.</summary>
    public void Stamp(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.SavingChanges += (_, _) =>
        {
            if (Agent is not { } agent)
            {
                return;
            }

            foreach (var entry in db.ChangeTracker.Entries<GoalEvent>().Where(e => e.State == EntityState.Added))
            {
                entry.Entity.MarkVia(agent);
            }
        };
    }
}
