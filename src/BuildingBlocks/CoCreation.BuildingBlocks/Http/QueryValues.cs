namespace CoCreation.BuildingBlocks.Http;

/// <summary>
/// Endpoint metadata: a query parameter read as text (so it can be matched case-insensitively and refused with a
/// sentence listing the values) that takes only these values; the API description shows them as an enum.
/// </summary>
public sealed record QueryValues(string Parameter, IReadOnlyList<string> Values);
