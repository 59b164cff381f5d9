using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Strive.Bench.ApiThroughput;

/// <summary>
/// The ceiling: Kestrel with nothing on the path, answering the bytes the app answers (the list of 20
/// milestones, read once from a file) with the same content type.
/// </summary>
internal static class BareEndpoint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var urls = Option(args, "--urls") ?? "http://127.0.0.1:5091";
        var file = Option(args, "--file");
        if (file is null || !File.Exists(file))
        {
            await Console.Error.WriteLineAsync("bare: --file must name the body to serve.");
            return 2;
        }

        var body = await File.ReadAllBytesAsync(file);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            return context.Response.Body.WriteAsync(body, context.RequestAborted).AsTask();
        });
        await Console.Out.WriteLineAsync($"bare: serving {body.Length} bytes on {urls}");
        await app.RunAsync();
        return 0;
    }

    internal static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
