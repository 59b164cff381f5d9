using Strive.Domain.Supports;

namespace Strive.Web.Client.Components.Supports;

/// <summary>A supporter pressed Accept or Reject on one of their pledges; the board asks for the note and saves.</summary>
public sealed record PledgeDecisionRequest(SupportView Pledge, bool Accept);
