using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Strive.Domain.Common;
using Strive.Domain.Milestones;
using Strive.Domain.Posts;

namespace Strive.Web.Client.Components.Posts;

public sealed partial class StoryComposer
{
    private const int PreviewPixels = 160;

    private readonly List<PickedPhoto> _photos = [];
    private string? _description;
    private string? _url;
    private string? _milestoneId;
    private bool _busy;
    private string? _progress;
    private double _progressValue;
    private DomainError? _error;

    [Parameter, EditorRequired] public string GoalId { get; set; } = "";

    [Parameter, EditorRequired] public string ActorId { get; set; } = "";

    [Parameter] public IReadOnlyList<MilestoneView>? Milestones { get; set; }

    /// <summary>After a post (and its photos) is saved.</summary>
    [Parameter] public EventCallback Posted { get; set; }

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e is { CtrlKey: true, Key: "Enter" } && !_busy)
        {
            await PostAsync();
        }
    }

    /// <summary>
    /// Keeps each picked file's bytes (at most 10 MB, as the server takes) and a small preview the browser draws,
    /// so the preview never travels the circuit at full size. Past four, the rest are left out with a word.
    /// </summary>
    private async Task OnFilesAsync(InputFileChangeEventArgs e)
    {
        _error = null;
        var files = e.GetMultipleFiles(Post.MaxMedia + 8);
        foreach (var (file, index) in files.Select((f, i) => (f, i)))
        {
            if (_photos.Count >= Post.MaxMedia)
            {
                _error = PostErrors.TooManyImages;
                break;
            }

            if (file.Size > PostImages.MaxBytes)
            {
                _error = PostErrors.FileTooLarge;
                continue;
            }

            _progress = $"Reading {file.Name} ({index + 1} of {files.Count})";
            _progressValue = 100.0 * index / files.Count;
            StateHasChanged();
            var photo = await ReadAsync(file);
            if (photo is null)
            {
                _error = PostErrors.FileType;
                continue;
            }

            _photos.Add(photo);
        }

        _progress = null;
    }

    private static async Task<PickedPhoto?> ReadAsync(IBrowserFile file)
    {
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.OpenReadStream(PostImages.MaxBytes))
            {
                await stream.CopyToAsync(buffer);
            }

            var bytes = buffer.ToArray();
            if (PostImages.Sniff(bytes) is null)
            {
                return null;
            }

            var preview = await file.RequestImageFileAsync("image/jpeg", PreviewPixels, PreviewPixels);
            using var small = new MemoryStream();
            await using (var stream = preview.OpenReadStream(PostImages.MaxBytes))
            {
                await stream.CopyToAsync(small);
            }

            return new PickedPhoto(file.Name, bytes, "data:image/jpeg;base64," + Convert.ToBase64String(small.ToArray()));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private async Task PostAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var created = await Posts.CreateAsync(ActorId, GoalId, new NewPost(_description, null, _url, _milestoneId));
            if (!created.IsSuccess)
            {
                _error = created.Error;
                return;
            }

            await UploadAsync(created.Value.Post.Id);
            (_description, _url, _milestoneId) = (null, null, null);
            _photos.Clear();
            await Posted.InvokeAsync();
        }
        finally
        {
            _busy = false;
            _progress = null;
        }
    }

    /// <summary>One photo after the other, with the count and a bar, so a slow connection shows where it is.</summary>
    private async Task UploadAsync(string postId)
    {
        for (var i = 0; i < _photos.Count; i++)
        {
            _progress = $"Uploading photo {i + 1} of {_photos.Count}";
            _progressValue = 100.0 * i / _photos.Count;
            StateHasChanged();
            var added = await Posts.AddMediaAsync(ActorId, GoalId, postId, _photos[i].Bytes);
            if (!added.IsSuccess)
            {
                _error = added.Error;
            }
        }
    }

    private sealed record PickedPhoto(string Name, byte[] Bytes, string Preview);
}
