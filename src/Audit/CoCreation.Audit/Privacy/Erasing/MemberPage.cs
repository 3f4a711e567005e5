namespace CoCreation.Audit.Privacy.Erasing;

public static class MemberPage
{
    public static string Path(string userId) => $"/admin/members/{Uri.EscapeDataString(userId)}";
}
