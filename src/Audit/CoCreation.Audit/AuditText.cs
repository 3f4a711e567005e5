namespace CoCreation.Audit;

/// <summary>The audit capability's page texts (AuditText.fr.resx holds their French, docs/adr/0018).</summary>
public sealed class AuditText;
