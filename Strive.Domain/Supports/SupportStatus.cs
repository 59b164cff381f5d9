namespace Strive.Domain.Supports;

public enum SupportStatus
{
    Open,
    Accepted,
    Rejected,
}
