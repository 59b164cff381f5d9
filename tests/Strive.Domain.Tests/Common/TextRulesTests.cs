using Microsoft.EntityFrameworkCore;
using Strive.Domain.ApiKeys;
using Strive.Domain.Common;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;
using Strive.Domain.Tests.Infrastructure;

namespace Strive.Domain.Tests.Common;

/// <summary>
/// docs/api/API.md "Basics", Text, held by each entity or service that holds a limit: control characters
/// refused naming the field, whitespace and invisible characters count as empty, limits count characters as
/// a person does (docs/decisions/007).
/// </summary>
public sealed class TextRulesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private const string Emoji = "\U0001F600";          // one character, two UTF-16 units
    private const string Family = "\U0001F468\u200D\U0001F469\u200D\U0001F467"; // one character, eight units
    private const string Flag = "\U0001F1EB\U0001F1F7"; // one character, four units

    private readonly DomainHarness _domain = new();

    public static TheoryData<string> ControlText => new()
    {
        "a\u0000b", "\u0001", "bell\u0007", "back\bspace", "esc\u001b[31m", "form\ffeed", "vertical\vtab",
        "del\u007f", "c1\u0085", "c1\u009f", "\u0000",
    };

    public static TheoryData<string> BlankText => new()
    {
        "", " ", "\t\n\r ", "\u200B", "\u200C\u200D", "\u2060", "\uFEFF", " \u200B \u00A0 ", "\u3164", "\u2800",
        "\u00AD", "\u200E\u200F", "\u2028\u2029", "\uFE0F",
    };

    [Theory]
    [MemberData(nameof(ControlText))]
    public void ControlCharacters_AreRefusedNamingTheFieldOfEachEntity(string text)
    {
        AssertRefused(MilestoneErrors.ContentControlCharacters, "content",
            Milestone.Create("g1", text, null, null, null, Now).Error);
        AssertRefused(MilestoneErrors.DescriptionControlCharacters, "description",
            Milestone.Create("g1", "ok", text, null, null, Now).Error);
        AssertRefused(MilestoneErrors.SubtaskContentControlCharacters, "subtasks",
            Milestone.Create("g1", "ok", null, null, [new Subtask(text, false)], Now).Error);
        AssertRefused(GoalErrors.TitleControlCharacters, "title", Goal.Create(text, null, false, null, "u", Now).Error);
        AssertRefused(GoalErrors.DescriptionControlCharacters, "description",
            Goal.Create("ok", text, false, null, "u", Now).Error);

        var milestone = Milestone.Create("g1", "ok", null, null, null, Now).Value!;
        AssertRefused(MilestoneErrors.ContentControlCharacters, "content",
            milestone.Revise(text, default, default, default).Error);
        Assert.Equal("ok", milestone.Content);
    }

    [Theory]
    [InlineData("line\nbreak")]
    [InlineData("windows\r\nbreak")]
    [InlineData("tab\there")]
    public void LineBreaksAndTabs_AreKept(string text)
    {
        var milestone = Milestone.Create("g1", "ok", text, null, null, Now).Value!;

        Assert.Equal(text, milestone.Description);
        Assert.Equal(text, Milestone.Create("g1", text, null, null, null, Now).Value!.Content);
    }

    [Theory]
    [MemberData(nameof(BlankText))]
    public void WhitespaceOrInvisibleOnly_CountsAsEmpty(string text)
    {
        Assert.Equal(MilestoneErrors.ContentRequired, Milestone.Create("g1", text, null, null, null, Now).Error);
        Assert.Equal(MilestoneErrors.SubtaskContentInvalid,
            Milestone.Create("g1", "ok", null, null, [new Subtask(text, false)], Now).Error);
        Assert.Equal(GoalErrors.TitleRequired, Goal.Create(text, null, false, null, "u", Now).Error);
        Assert.Equal("", Milestone.Create("g1", "ok", text, null, null, Now).Value!.Description);
        Assert.Equal("", Goal.Create("ok", text, false, null, "u", Now).Value!.Description);
    }

    [Fact]
    public void InvisibleCharactersBesideVisibleText_AreKept()
    {
        Assert.Equal(Family, Milestone.Create("g1", Family, null, null, null, Now).Value!.Content);
        Assert.Equal("a\u200Bb", Milestone.Create("g1", " a\u200Bb ", null, null, null, Now).Value!.Content);
    }

    [Theory]
    [InlineData(Emoji)]
    [InlineData(Flag)]
    [InlineData("e\u0301")] // e and a combining accent
    public void Limits_CountCharactersAsAPersonDoes(string character)
    {
        var atLimit = string.Concat(Enumerable.Repeat(character, Milestone.ContentMaxLength));
        var pastLimit = atLimit + character;

        Assert.Equal(atLimit, Milestone.Create("g1", atLimit, null, null, null, Now).Value!.Content);
        Assert.Equal(MilestoneErrors.ContentTooLong, Milestone.Create("g1", pastLimit, null, null, null, Now).Error);
        Assert.True(Goal.Create(string.Concat(Enumerable.Repeat(character, Goal.TitleMaxLength)), null, false, null,
            "u", Now).IsSuccess);
        Assert.True(Milestone.Create("g1", "ok", null, null,
            [new Subtask(string.Concat(Enumerable.Repeat(character, Subtask.ContentMaxLength)), false)], Now).IsSuccess);
    }

    [Fact]
    public void TextPastFourUnitsPerCharacter_IsTooLongForItsColumn()
    {
        // 300 family emoji are 300 characters, but 2,400 UTF-16 units: more than the column holds.
        var families = string.Concat(Enumerable.Repeat(Family, 300));

        Assert.Equal(300, TextRules.CountCharacters(families));
        Assert.Equal(MilestoneErrors.ContentTooLong, Milestone.Create("g1", families, null, null, null, Now).Error);
    }

    [Fact]
    public void Shorten_NeverCutsACharacterInTwo()
    {
        var text = "ab" + Emoji + Family;

        Assert.Equal("ab", TextRules.Shorten(text, 3));
        Assert.Equal("ab" + Emoji, TextRules.Shorten(text, 11));
        Assert.Equal(text, TextRules.Shorten(text, 12));
    }

    [Fact]
    public async Task ApiKeyNames_FollowTheTextRules()
    {
        var user = await _domain.CreateUserAsync("integrator");

        Assert.Equal(ApiKeyErrors.NameControlCharacters,
            (await _domain.ApiKeys.CreateAsync(user, new NewApiKey("ci\u0000", [ApiKeyScopes.GoalsRead]))).Error);
        Assert.Equal(ApiKeyErrors.NameRequired,
            (await _domain.ApiKeys.CreateAsync(user, new NewApiKey("\u200B\uFEFF", [ApiKeyScopes.GoalsRead]))).Error);
        var emojiName = string.Concat(Enumerable.Repeat(Emoji, ApiKey.NameMaxLength));
        var created = await _domain.ApiKeys.CreateAsync(user, new NewApiKey(emojiName, [ApiKeyScopes.GoalsRead]));
        Assert.Equal(emojiName, created.Value?.Key.Name);
    }

    [Fact]
    public async Task PledgeDescriptions_FollowTheTextRules()
    {
        var (owner, goal) = await _domain.CreateGoalAsync();

        Assert.Equal(SupportErrors.DescriptionControlCharacters,
            (await _domain.Supports.PledgeAsync(owner, goal, null, "shoes\u001b")).Error);
        Assert.Equal(SupportErrors.DescriptionRequired,
            (await _domain.Supports.PledgeAsync(owner, goal, null, " \u200B ")).Error);
        Assert.Equal(SupportErrors.DescriptionTooLong, (await _domain.Supports.PledgeAsync(owner, goal, null,
            string.Concat(Enumerable.Repeat(Emoji, Support.DescriptionMaxLength + 1)))).Error);
    }

    [Fact]
    public void EveryLimitedColumn_HoldsFourUnitsPerAllowedCharacter()
    {
        using var db = _domain.Contexts.CreateDbContext();
        var model = db.Model;

        Assert.Equal(TextRules.StorageLength(Milestone.ContentMaxLength), MaxLength<Milestone>(model, nameof(Milestone.Content)));
        Assert.Equal(TextRules.StorageLength(Milestone.DescriptionMaxLength), MaxLength<Milestone>(model, nameof(Milestone.Description)));
        Assert.Equal(TextRules.StorageLength(Goal.TitleMaxLength), MaxLength<Goal>(model, nameof(Goal.Title)));
        Assert.Equal(TextRules.StorageLength(Goal.DescriptionMaxLength), MaxLength<Goal>(model, nameof(Goal.Description)));
        Assert.Equal(TextRules.StorageLength(Support.DescriptionMaxLength), MaxLength<Support>(model, nameof(Support.Description)));
        Assert.Equal(TextRules.StorageLength(ApiKey.NameMaxLength), MaxLength<ApiKey>(model, nameof(ApiKey.Name)));
        Assert.True(MaxLength<Milestone>(model, nameof(Milestone.Subtasks)) >=
            Subtask.MaxCount * TextRules.StorageLength(Subtask.ContentMaxLength) * 6);
    }

    public void Dispose() => _domain.Dispose();

    private static int? MaxLength<T>(Microsoft.EntityFrameworkCore.Metadata.IModel model, string property) =>
        model.FindEntityType(typeof(T))!.FindProperty(property)!.GetMaxLength();

    private static void AssertRefused(DomainError expected, string field, DomainError? actual)
    {
        Assert.Equal(expected, actual);
        Assert.Equal(field, actual?.Field);
        Assert.Equal(ErrorKind.Invalid, actual?.Kind);
    }
}
