namespace CoCreation.BuildingBlocks.Problems;

/// <summary>Collects field errors and throws one <see cref="ValidationFailed"/> for all of them.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validation Require(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    public Validation Length(string? value, string field, int min, int max)
    {
        var length = value?.Trim().Length ?? 0;
        if (value is null || length < min || length > max)
            Add(field, $"'{field}' must be between {min} and {max} characters.");
        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool IsValid => _errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid)
            throw new ValidationFailed(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
