using System.ComponentModel.DataAnnotations;
using Strive.Domain.Users;

namespace Strive.Web.Identity;

/// <summary>
/// The account forms' check of a display name: the domain's own rule (<see cref="StriveUser.CheckDisplayName"/>),
/// so the page refuses exactly what the account would, counting characters as a person does.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DisplayNameRulesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        var name = StriveUser.CheckDisplayName(value as string);
        return name.IsSuccess
            ? ValidationResult.Success
            : new ValidationResult(name.Error.PersonMessage, [validationContext.MemberName ?? "DisplayName"]);
    }
}
