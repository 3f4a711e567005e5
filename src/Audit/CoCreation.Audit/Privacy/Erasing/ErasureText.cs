namespace CoCreation.Audit.Privacy.Erasing;

/// <summary>The name under which the host registers the erase form's refusal sentences (translated by ShellText).</summary>
public static class ErasureText
{
    public const string Module = "Privacy";
}
