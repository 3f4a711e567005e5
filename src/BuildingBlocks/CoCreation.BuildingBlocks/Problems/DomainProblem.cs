namespace CoCreation.BuildingBlocks.Problems;

/// <summary>
/// Thrown by a module when a request cannot be carried out. The host turns it into an
/// RFC 9457 problem response whose <c>type</c> ends with <see cref="Rule"/>.
/// Throwing before anything is saved is what keeps a refused request from writing anything.
/// </summary>
public abstract class DomainProblem(int status, string rule, string title, string detail)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Rule { get; } = rule;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
}

/// <summary>409: the request breaks a business rule in the current state.</summary>
public sealed class RuleViolated(string rule, string detail)
    : DomainProblem(409, rule, "Business rule violated", detail);

/// <summary>404: the id names nothing this module knows.</summary>
public sealed class NotFound(string what, object id)
    : DomainProblem(404, "not-found", "Resource not found", $"No {what} with id '{id}'.");

/// <summary>403: authenticated, but this resource is not theirs to act on.</summary>
public sealed class Forbidden(string rule, string detail)
    : DomainProblem(403, rule, "Forbidden", detail);

/// <summary>400: one or more fields are invalid.</summary>
public sealed class ValidationFailed(IReadOnlyDictionary<string, string[]> errors)
    : DomainProblem(400, "validation", "One or more fields are invalid", "See 'errors' for each invalid field.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>413 (too large) or 415 (a type not accepted, or bytes that are not what they claim): the file is not kept.</summary>
public sealed class FileRefused(int status, string rule, string detail)
    : DomainProblem(status, rule, "File refused", detail);

/// <summary>410: the resource existed and was removed for good (an erased member's file).</summary>
public sealed class Gone(string rule, string detail)
    : DomainProblem(410, rule, "Gone", detail);
