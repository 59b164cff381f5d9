using System.Net;

namespace Strive.Web.Tests.ScaleOut;

/// <summary>Waiting for an instance to serve again once Redis is back (it answers 503 while Redis is away).</summary>
internal static class RedisRecovery
{
    /// <summary>Asks again (every 100 ms, for up to 15 s) until the answer is no longer a 503.</summary>
    public static async Task<HttpResponseMessage> UntilAvailableAsync(Func<Task<HttpResponseMessage>> request)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await request();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(100);
        }
    }
}
