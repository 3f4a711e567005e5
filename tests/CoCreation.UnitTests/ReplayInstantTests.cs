using CoCreation.Audit.Replay;

namespace CoCreation.UnitTests;

/// <summary>Which instant the replay form means: what was typed, or where the slider was moved to.</summary>
public class ReplayInstantTests
{
    private static readonly DateTimeOffset First = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = First.AddHours(10);

    [Fact]
    public void A_typed_instant_other_than_the_one_shown_wins_over_the_slider()
    {
        var choice = ReplayInstant.Choose("2027-03-01T12:30:15", was: "2027-03-01T10:00:00", position: 3600, First, Now);
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 12, 30, 15, TimeSpan.Zero), choice.At);
        Assert.False(choice.Unreadable);
    }

    [Fact]
    public void A_slider_moved_off_the_shown_instant_wins_when_the_field_still_shows_it()
    {
        var choice = ReplayInstant.Choose("2027-03-01T10:00:00", was: "2027-03-01T10:00:00", position: 7200, First, Now);
        Assert.Equal(First.AddHours(2), choice.At);
        Assert.Equal(First, ReplayInstant.Choose("2027-03-01T10:00:00", "2027-03-01T10:00:00", 0, First, Now).At);
    }

    [Fact]
    public void The_slider_at_its_end_is_now_and_an_unchanged_form_keeps_its_instant()
    {
        Assert.Equal(Now, ReplayInstant.Choose(null, null, ReplayInstant.Life(First, Now), First, Now).At);
        Assert.Equal(First.AddHours(1), ReplayInstant.Choose("2027-03-01T10:00:00", "2027-03-01T10:00:00", 3600, First, Now).At);
    }

    [Fact]
    public void Nothing_asked_is_now_and_an_unreadable_instant_says_so()
    {
        Assert.Equal(Now, ReplayInstant.Choose(null, null, null, First, Now).At);
        var unreadable = ReplayInstant.Choose("yesterday-ish", null, null, First, Now);
        Assert.Equal(Now, unreadable.At);
        Assert.True(unreadable.Unreadable);
    }
}
