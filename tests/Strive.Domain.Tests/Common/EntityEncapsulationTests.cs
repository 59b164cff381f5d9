using System.Reflection;
using Strive.Domain.ApiKeys;
using Strive.Domain.Events;
using Strive.Domain.Goals;
using Strive.Domain.Milestones;
using Strive.Domain.Supports;

namespace Strive.Domain.Tests.Common;

/// <summary>Entities change only through their named methods: no public setter, no mutable collection handed out.</summary>
public sealed class EntityEncapsulationTests
{
    public static TheoryData<Type> Entities => [typeof(Goal), typeof(Stakeholder), typeof(Milestone),
        typeof(Support), typeof(ApiKey), typeof(GoalEvent)];

    [Theory]
    [MemberData(nameof(Entities))]
    public void Entity_HasNoPublicSetterNorMutableCollection(Type entity)
    {
        foreach (var property in entity.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Assert.False(property.SetMethod?.IsPublic ?? false, $"{entity.Name}.{property.Name} has a public setter");
            Assert.False(property.PropertyType.IsGenericType
                && property.PropertyType.GetGenericTypeDefinition() == typeof(List<>),
                $"{entity.Name}.{property.Name} hands out a List");
        }
    }
}
