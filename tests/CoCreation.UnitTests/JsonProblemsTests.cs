using System.Text.Json;
using System.Text.Json.Serialization;
using CoCreation.Host.Dev;
using CoCreation.Host.Infrastructure;
using CoCreation.Moderation.Queue.Deciding;
using CoCreation.Voting.Ballots.Casting;

namespace CoCreation.UnitTests;

/// <summary>The serializer's own refusals, turned into the field and what it must be, with no .NET type name.</summary>
public class JsonProblemsTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow
    };

    private static (string Field, string Message) Explain<T>(string json) =>
        JsonProblems.Explain(Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<T>(json, Options)))
        ?? throw new Xunit.Sdk.XunitException("no explanation");

    [Fact]
    public void An_unknown_enum_value_lists_the_values()
    {
        var (field, message) = Explain<DecisionRequest>("""{"decision":"Maybe"}""");
        Assert.Equal("decision", field);
        Assert.Equal("'decision' must be one of: Approve, Reject, Hide.", message);
    }

    [Fact]
    public void A_wrong_type_says_what_the_field_must_be()
    {
        Assert.Equal(("score", "'score' must be a whole number."), Explain<VoteRequest>("""{"score":"five"}"""));
        Assert.Equal(("userId", "'userId' must be a string."), Explain<TokenRequest>("""{"userId":42}"""));
        Assert.Equal(("roles", "'roles' must be an array."), Explain<TokenRequest>("""{"userId":"a","roles":"admin"}"""));
    }

    [Fact]
    public void An_unknown_field_is_named()
    {
        Assert.Equal(("verdict", "'verdict' is not a field of this request."), Explain<DecisionRequest>("""{"decision":"Approve","verdict":"yes"}"""));
    }

    [Fact]
    public void A_query_value_that_does_not_bind_is_named_with_what_it_must_be()
    {
        Assert.Equal(("page", "'page' must be a whole number; 'abc' is not."), JsonProblems.ExplainBinding("Failed to bind parameter \"int? page\" from \"abc\"."));
        Assert.Equal(("page", "'page' must be a whole number; 'abc' is not."), JsonProblems.ExplainBinding("Failed to bind parameter \"Nullable<int> page\" from \"abc\"."));
        Assert.Equal(("subjectId", "'subjectId' must be a UUID; 'x' is not."), JsonProblems.ExplainBinding("Failed to bind parameter \"Nullable<Guid> subjectId\" from \"x\"."));
    }
}
