using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace Gazetteer.Tests;

public sealed class ApiSurfaceTests
{
    private static readonly Type[] PublicTypes = typeof(PlaceCatalog).Assembly.GetExportedTypes();

    [Fact]
    public void PublicClasses_AreSealedOrStatic()
    {
        var open = PublicTypes.Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed)).Select(t => t.FullName);

        Assert.Empty(open);
    }

    [Fact]
    public void PublicTypes_HaveNoPublicMutableSetters()
    {
        var mutable = from type in PublicTypes
                      from property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                      let setter = property.SetMethod
                      where setter is { IsPublic: true }
                            && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit))
                            && !type.IsSubclassOf(typeof(Exception))
                      select $"{type.Name}.{property.Name}";

        Assert.Empty(mutable);
    }

    [Fact]
    public void PublicSignatures_ExposeNoCsvHelperOrIcuTypes()
    {
        var leaks = from type in PublicTypes
                    from member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    let types = member switch
                    {
                        MethodInfo m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType),
                        PropertyInfo p => [p.PropertyType],
                        FieldInfo f => [f.FieldType],
                        _ => [],
                    }
                    from t in types
                    where t.Namespace is { } ns && (ns.StartsWith("CsvHelper", StringComparison.Ordinal) || ns.StartsWith("ICU4N", StringComparison.Ordinal))
                    select $"{type.Name}.{member.Name}";

        Assert.Empty(leaks);
    }
}
