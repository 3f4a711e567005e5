namespace CoCreation.BuildingBlocks.Modules;

/// <summary>The module that owns a type, read from its assembly name (CoCreation.&lt;Module&gt;[.Contracts]).</summary>
public static class ModuleName
{
    public static string Of(Type type)
    {
        var assembly = type.Assembly.GetName().Name ?? "";
        var parts = assembly.Split('.');
        return parts.Length >= 2 && parts[0] == "CoCreation" ? parts[1] : assembly;
    }
}
