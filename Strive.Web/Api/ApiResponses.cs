namespace Strive.Web.Api;

/// <summary>Every success is wrapped: {"data": ...}.</summary>
public sealed record DataResponse<T>(T Data);
