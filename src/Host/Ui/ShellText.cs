namespace CoCreation.Host.Ui;

/// <summary>The resources of the shell's texts (ShellText.fr.resx).</summary>
public sealed class ShellText;
