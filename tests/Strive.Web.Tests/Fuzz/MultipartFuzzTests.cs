using System.Net;
using System.Text;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Posts;

namespace Strive.Web.Tests.Fuzz;

/// <summary>
/// Bad multipart bodies on the photo upload (issue 25): truncated, a wrong or missing boundary, no file part,
/// huge or endless headers, many parts, a file that is not what it says. Each answer is a JSON 4xx, never a 5xx.
/// </summary>
public sealed class MultipartFuzzTests(FuzzAppFactory app) : IClassFixture<FuzzAppFactory>
{
    private const int Seed = 20261208;

    [Fact]
    public async Task BadMultipart_IsAlwaysA4xx_NeverA5xx()
    {
        var random = new Random(Seed);
        var caller = await app.CreateCallerAsync();
        var goalId = await caller.CreateGoalAsync();
        var postId = (await (await caller.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", """{"description": "p"}"""))
            .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var path = $"/api/v1/goals/{goalId}/posts/{postId}/media";
        var failures = new List<string>();
        var cases = Cases(random).ToList();

        foreach (var (name, contentType, body) in cases)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            var response = await caller.Client.PostAsync(new Uri(path, UriKind.Relative), content);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (status is < 400 or >= 500 || !text.Contains("\"error\"", StringComparison.Ordinal))
            {
                failures.Add($"{status} for {name}: {(text.Length > 160 ? text[..160] : text)}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} answers were wrong:\n" + string.Join("\n", failures));
        var list = await (await caller.Client.GetAsync($"/api/v1/goals/{goalId}/posts/{postId}")).DataAsync();
        Assert.Equal(0, list.GetProperty("media").GetArrayLength());
    }

    private static IEnumerable<(string Name, string ContentType, byte[] Body)> Cases(Random random)
    {
        var png = PostImagesForTests.Png();
        var good = Part("b", "file", png);
        const string Type = "multipart/form-data; boundary=b";
        yield return ("truncated in the file", Type, good[..(good.Length / 2)]);
        yield return ("truncated in the headers", Type, Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-da"));
        yield return ("no closing boundary", Type, good[..^8]);
        yield return ("wrong boundary", "multipart/form-data; boundary=other", good);
        yield return ("no boundary", "multipart/form-data", good);
        yield return ("empty boundary", "multipart/form-data; boundary=", good);
        yield return ("boundary of 300 characters", "multipart/form-data; boundary=" + new string('x', 300), good);
        yield return ("no file part", Type, Part("b", "picture", png));
        yield return ("nameless part", Type, Encoding.ASCII.GetBytes("--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n"));
        yield return ("huge header", Type, Encoding.ASCII.GetBytes(
            "--b\r\nContent-Disposition: form-data; name=\"file\"\r\nX-Pad: " + new string('a', 40_000) + "\r\n\r\nx\r\n--b--\r\n"));
        yield return ("endless headers", Type, Encoding.ASCII.GetBytes(
            "--b\r\n" + string.Concat(Enumerable.Range(0, 200).Select(i => $"X-H{i}: v\r\n")) + "\r\nx\r\n--b--\r\n"));
        yield return ("many empty parts", Type, Encoding.ASCII.GetBytes(
            string.Concat(Enumerable.Repeat("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n", 50)) + "--b--\r\n"));
        yield return ("text as file", Type, Part("b", "file", Encoding.UTF8.GetBytes("<svg onload=alert(1)>")));
        yield return ("empty file", Type, Part("b", "file", []));
        yield return ("empty body", Type, []);
        yield return ("json instead", "application/json", "{\"file\": \"x\"}"u8.ToArray());
        yield return ("form instead", "application/x-www-form-urlencoded", "file=x"u8.ToArray());
        yield return ("PNG signature, garbage after", Type, Part("b", "file", [.. png[..8], .. Noise(random, 500)]));
        yield return ("JPEG signature, garbage after", Type, Part("b", "file", [0xFF, 0xD8, 0xFF, .. Noise(random, 500)]));
        yield return ("GIF header only", Type, Part("b", "file", "GIF89a"u8.ToArray()));
        yield return ("RIFF but not WebP", Type, Part("b", "file", "RIFF\0\0\0\0WAVEfmt "u8.ToArray()));
        for (var i = 0; i < 30; i++)
        {
            var cut = good.ToArray();
            for (var flips = 0; flips < 5; flips++)
            {
                cut[random.Next(cut.Length)] = (byte)random.Next(256);
            }

            yield return ($"flipped bytes #{i}", Type, cut[..random.Next(1, cut.Length - 12)]);
        }
    }

    private static byte[] Part(string boundary, string name, byte[] file) =>
    [
        .. Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n"),
        .. file,
        .. Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n"),
    ];

    private static byte[] Noise(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
