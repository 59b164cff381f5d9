using System.Text.RegularExpressions;

namespace Strive.Web.Tests.Docs;

/// <summary>
/// A newcomer follows the README's links into docs/: every local link in README.md and docs/ must lead to
/// a file or folder that exists, and the README stays short with its two commands first (issue 31).
/// </summary>
public sealed partial class DocumentationLinksTests
{
    [Fact]
    public void EveryLocalLink_InTheReadmeAndDocs_Resolves()
    {
        var root = RepositoryRoot();
        var broken = MarkdownFiles(root)
            .SelectMany(file => LocalTargets(file).Select(target => (file, target)))
            .Where(link => !Resolves(link.file, link.target))
            .Select(link => $"{Path.GetRelativePath(root, link.file)} -> {link.target}")
            .ToList();

        Assert.True(MarkdownFiles(root).Count() > 10, "the docs were not found");
        Assert.Empty(broken);
    }

    [Fact]
    public void LinkCheck_ReportsALinkToAMissingFile()
    {
        var folder = Directory.CreateTempSubdirectory("strive-links-").FullName;
        try
        {
            var page = Path.Combine(folder, "page.md");
            File.WriteAllText(Path.Combine(folder, "there.md"), "# there");
            File.WriteAllText(page, "[ok](there.md#top) [gone](missing.md) <img src=\"nope.png\"> [web](https://example.com)");

            var unresolved = LocalTargets(page).Where(target => !Resolves(page, target)).ToList();

            Assert.Equal(["missing.md", "nope.png"], unresolved);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Readme_IsAtMost150Lines_WithItsTwoCommandsFirst()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "README.md"));
        var firstBlock = lines.SkipWhile(line => !line.StartsWith("```", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(line => !line.StartsWith("```", StringComparison.Ordinal)).ToList();

        Assert.InRange(lines.Length, 1, 150);
        Assert.StartsWith("dotnet run --project Strive.Web", firstBlock[0]);
        Assert.StartsWith("./test.sh", firstBlock[1]);
    }

    private static IEnumerable<string> MarkdownFiles(string root) =>
        new[] { Path.Combine(root, "README.md"), Path.Combine(root, "bench", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories));

    private static IEnumerable<string> LocalTargets(string file)
    {
        var text = FencedCode().Replace(File.ReadAllText(file), "");
        return MarkdownLink().Matches(text).Select(match => match.Groups["target"].Value)
            .Concat(ImageSource().Matches(text).Select(match => match.Groups["target"].Value))
            .Where(target => !target.Contains("://") && !target.StartsWith("mailto:", StringComparison.Ordinal) && !target.StartsWith('#'));
    }

    private static bool Resolves(string file, string target)
    {
        var path = Uri.UnescapeDataString(target.Split('#')[0]);
        var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
        return File.Exists(full) || Directory.Exists(full);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Strive.Web.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Strive.Web.sln not found above the test's folder");
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"<img[^>]*\ssrc=""(?<target>[^""]+)""")]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"```.*?```", RegexOptions.Singleline)]
    private static partial Regex FencedCode();
}
