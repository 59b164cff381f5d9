using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SkiaSharp;
using Strive.Web.Tests.Api;
using Strive.Web.Tests.Infrastructure;

namespace Strive.Web.Tests.Posts;

/// <summary>docs/api/API.md "Posts", media: judged by bytes, re-encoded without EXIF, limits, served to readers only.</summary>
public sealed class PostMediaApiTests(StriveAppFactory app) : IClassFixture<StriveAppFactory>
{
    [Fact]
    public async Task Upload_JpegWithExifGps_IsServedWithoutExif_ResizedTo1600AndThumb400()
    {
        var (owner, goalId, postId) = await SeedAsync();
        var upload = PostImagesForTests.JpegWithGps(2400, 1200);
        Assert.True(PostImagesForTests.HasExif(upload));

        var post = await (await UploadAsync(owner, goalId, postId, upload, "finish.jpg")).DataAsync(HttpStatusCode.Created);
        var media = post.GetProperty("media")[0];
        var display = await owner.Client.GetAsync(media.GetProperty("url").GetString()!);
        var thumb = await owner.Client.GetAsync(media.GetProperty("url").GetString() + "?size=thumb");

        Assert.Equal(HttpStatusCode.OK, display.StatusCode);
        Assert.Equal("image/jpeg", display.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", display.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(display.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(30));
        var bytes = await display.Content.ReadAsByteArrayAsync();
        Assert.False(PostImagesForTests.HasExif(bytes));
        using (var codec = SKCodec.Create(new MemoryStream(bytes)))
        {
            Assert.Equal((1600, 800), (codec.Info.Width, codec.Info.Height));
        }

        Assert.Equal((1600, 800), (media.GetProperty("width").GetInt32(), media.GetProperty("height").GetInt32()));
        using var thumbCodec = SKCodec.Create(new MemoryStream(await thumb.Content.ReadAsByteArrayAsync()));
        Assert.Equal((400, 200), (thumbCodec.Info.Width, thumbCodec.Info.Height));
    }

    [Fact]
    public async Task Upload_PngNamedJpg_IsStoredAsPng()
    {
        var (owner, goalId, postId) = await SeedAsync();

        var post = await (await UploadAsync(owner, goalId, postId, PostImagesForTests.Png(), "photo.jpg", "image/jpeg"))
            .DataAsync(HttpStatusCode.Created);

        var media = post.GetProperty("media")[0];
        Assert.Equal("image/png", media.GetProperty("contentType").GetString());
        var served = await owner.Client.GetAsync(media.GetProperty("url").GetString()!);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0x89, (await served.Content.ReadAsByteArrayAsync())[0]);
    }

    [Fact]
    public async Task Upload_TextNamedPng_Returns400_AndATruncatedImageToo()
    {
        var (owner, goalId, postId) = await SeedAsync();

        await (await UploadAsync(owner, goalId, postId, Encoding.UTF8.GetBytes("hello, not an image"), "photo.png", "image/png"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "file must be a JPEG, PNG, WebP or GIF image");
        await (await UploadAsync(owner, goalId, postId, PostImagesForTests.Png()[..20], "photo.png"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "file must be a JPEG, PNG, WebP or GIF image");
    }

    [Fact]
    public async Task Upload_Of11MB_Returns413()
    {
        var (owner, goalId, postId) = await SeedAsync();
        var large = new byte[11 * 1024 * 1024];
        PostImagesForTests.Jpeg().CopyTo(large, 0);

        await (await UploadAsync(owner, goalId, postId, large, "big.jpg"))
            .AssertErrorAsync(HttpStatusCode.RequestEntityTooLarge, "file must be at most 10 MB");
    }

    [Fact]
    public async Task Upload_FifthImage_Returns400_AndTheFourKeepTheirOrder()
    {
        var (owner, goalId, postId) = await SeedAsync();
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var post = await (await UploadAsync(owner, goalId, postId, PostImagesForTests.Png(10 + i, 10), $"{i}.png"))
                .DataAsync(HttpStatusCode.Created);
            Assert.Equal(10 + i, post.GetProperty("media")[i].GetProperty("width").GetInt32());
        }

        await (await UploadAsync(owner, goalId, postId, PostImagesForTests.Png(), "5.png"))
            .AssertErrorAsync(HttpStatusCode.BadRequest, "A post has at most 4 images");
    }

    [Fact]
    public async Task PrivateGoalMedia_IsNotFoundForOutsiders_AndGoneWithThePost()
    {
        var (owner, goalId, postId) = await SeedAsync();
        var post = await (await UploadAsync(owner, goalId, postId, PostImagesForTests.Png(), "a.png")).DataAsync(HttpStatusCode.Created);
        var url = post.GetProperty("media")[0].GetProperty("url").GetString()!;
        var outsider = await app.CreateCallerAsync();
        using var anonymous = app.CreateClientWithKey(null);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync(url)).StatusCode);

        await owner.Client.DeleteAsync($"/api/v1/goals/{goalId}/posts/{postId}");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task PublicGoalMedia_IsServedToAnyone()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = (await (await owner.Client.PostJsonAsync("/api/v1/goals", """{"title": "Open", "publicity": "public"}"""))
            .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var postId = (await (await owner.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", """{"description": "x"}"""))
            .DataAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        var post = await (await UploadAsync(owner, goalId, postId, PostImagesForTests.Png(), "a.png")).DataAsync(HttpStatusCode.Created);
        using var anonymous = app.CreateClientWithKey(null);

        var served = await anonymous.GetAsync(post.GetProperty("media")[0].GetProperty("url").GetString() + "?size=thumb");

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("application/json", "{}")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--abc--\r\n")]
    [InlineData("multipart/form-data; boundary=abc", "--abc\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG")]
    [InlineData("multipart/form-data; boundary=wrong", "--abc\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--abc--\r\n")]
    [InlineData("multipart/form-data", "--abc\r\n")]
    public async Task Upload_WithABrokenBody_Returns400(string contentType, string body)
    {
        var (owner, goalId, postId) = await SeedAsync();
        using var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        var response = await owner.Client.PostAsync(new Uri($"/api/v1/goals/{goalId}/posts/{postId}/media", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).GetProperty("error").GetString()));
    }

    private async Task<(ApiCaller Owner, string GoalId, string PostId)> SeedAsync()
    {
        var owner = await app.CreateCallerAsync();
        var goalId = await owner.CreateGoalAsync();
        var post = await (await owner.Client.PostJsonAsync($"/api/v1/goals/{goalId}/posts", """{"description": "Finish line"}"""))
            .DataAsync(HttpStatusCode.Created);
        return (owner, goalId, post.GetProperty("id").GetString()!);
    }

    public static Task<HttpResponseMessage> UploadAsync(ApiCaller caller, string goalId, string postId, byte[] file,
        string name, string type = "application/octet-stream")
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(part, "file", name);
        return caller.Client.PostAsync(new Uri($"/api/v1/goals/{goalId}/posts/{postId}/media", UriKind.Relative), content);
    }
}
