using System.Reflection;
using System.Runtime.CompilerServices;
using Jishi.Web.Features.Wishes;

namespace Jishi.UnitTests.Architecture;

/// <summary>One use case, one file (ARCHITECTURE.md, docs/architecture.md): a feature's service classes each do a few
/// things. A class with more public operations than <see cref="MostOperations"/> (public instance methods that return a
/// task: a handler's operations, never an entity's rules) has become a "Book" again and is split; no class is named so.</summary>
public sealed class UseCaseSizeTests
{
    /// <summary>"A handler with a few operations at most": a queries class may read six ways.</summary>
    private const int MostOperations = 6;

    private static IEnumerable<Type> FeatureClasses() => typeof(ClaimWish).Assembly.GetTypes()
        .Where(t => t.IsClass && t.Namespace?.StartsWith("Jishi.Web.Features", StringComparison.Ordinal) == true)
        .Where(t => !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !t.Name.Contains('<'));

    internal static int Operations(Type type) => type
        .GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
        .Count(m => !m.IsSpecialName && IsTask(m.ReturnType));

    private static bool IsTask(Type type) => type == typeof(Task) || type == typeof(ValueTask)
        || (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    [Fact]
    public void FeatureClasses_HaveAFewOperationsEach()
    {
        var large = FeatureClasses().Select(t => (t.FullName, Count: Operations(t)))
            .Where(t => t.Count > MostOperations)
            .Select(t => $"{t.FullName}: {t.Count}")
            .ToList();
        Assert.True(large.Count == 0, $"More than {MostOperations} public operations; split into use cases:\n" + string.Join("\n", large));
    }

    [Fact]
    public void FeatureClasses_NoneNamedBook()
    {
        var books = FeatureClasses().Where(t => t.Name.EndsWith("Book", StringComparison.Ordinal)).Select(t => t.FullName).ToList();
        Assert.True(books.Count == 0, "Name the class by its use case:\n" + string.Join("\n", books));
    }

    [Fact]
    public void Operations_CountsPublicTaskMethodsOnly()
    {
        Assert.Equal(2, Operations(typeof(ClaimWish)));
        Assert.Equal(0, Operations(typeof(Wish)));
    }
}
