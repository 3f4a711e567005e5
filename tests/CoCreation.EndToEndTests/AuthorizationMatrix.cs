namespace CoCreation.EndToEndTests;

/// <summary>
/// Who may call what: every API route against every principal, and the class of answer expected.
/// ok = 2xx, or a 400/409 refusal (the caller was let in and the rule behind the door answered); 401, 403, 404 as such;
/// "a|b" accepts either. The target names the fixture put into the route's one parameter (<see cref="AuthorizationMatrixWorld"/>).
/// Rows run in this order, and within a row the principals expected to get in go last, so a call that changes
/// state (close, withdraw, accept, decide, erase) has been refused to everyone else before the one allowed caller makes it.
/// A route without a parameter may still name a target: its query (<see cref="Queries"/>, keyed "METHOD route [target]") uses it.
/// </summary>
public static class AuthorizationMatrix
{
    public static readonly string[] Principals =
        ["anonymous", "participant", "author", "coauthor", "invitee", "moderator", "brand-owner", "brand-other", "legal", "admin"];

    private const string Table = """
        # method route                                        target         anon part     auth     coau     invi     mod      b-own b-oth    legal admin
        GET    /api/campaigns                                 -              ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}                            campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}                            draft          404  404      404      404      404      404      ok    404      404   404
        GET    /api/campaigns/{id}/ideas                      campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/open-data/ideas.csv         campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/open-data/ideas.csv         draft          404  404      404      404      404      404      404   404      404   404
        GET    /api/campaigns/{id}/open-data/ideas.json        campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/open-data/ideas.json        draft          404  404      404      404      404      404      404   404      404   404
        GET    /api/campaigns/{id}/open-data/votes.csv         campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/open-data/votes.csv         draft          404  404      404      404      404      404      404   404      404   404
        GET    /api/campaigns/{id}/open-data/votes.json        campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/open-data/votes.json        draft          404  404      404      404      404      404      404   404      404   404
        GET    /api/campaigns/{id}/leaderboard                campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/donation                   campaign       ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/donation                   draft          404  404      404      404      404      404      404   404      404   404
        GET    /api/campaigns/{id}/review-rounds              rounds-campaign ok  ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/campaigns/{id}/review-rounds              draft          404  404      404      404      404      404      ok    404      404   404
        GET    /api/ip/agreements/current                     -              ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/ideas/{id}                                idea           ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/ideas/{id}                                hidden         404  404      ok       ok       404      ok       ok    404      ok    404
        GET    /api/ideas/{id}/timeline                       idea           ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/ideas/{id}/timeline                       hidden         404  404      ok       ok       404      ok       ok    404      ok    404
        GET    /api/ideas/{id}/comments                       idea           ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/ideas/{id}/comments                       hidden         404  404      ok       ok       404      ok       ok    404      ok    404
        GET    /api/me/ideas                                  -              401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        # A file is seen by its uploader, and as its idea is: by everyone once public, by its authors and those who screen it before.
        GET    /api/attachments/{id}                           attachment     ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/attachments/{id}                           hidden-attachment 404 404    ok       ok       404      ok       ok    404      ok    404
        GET    /api/attachments/{id}                           loose-attachment 404 404     ok       404      404      404      404   404      404   404
        GET    /api/attachments/{id}/content                   attachment     ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/attachments/{id}/content                   hidden-attachment 404 404    ok       ok       404      ok       ok    404      ok    404
        GET    /api/attachments/{id}/content                   loose-attachment 404 404     ok       404      404      404      404   404      404   404
        GET    /api/attachments/{id}/thumbnail                 attachment     ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/attachments/{id}/thumbnail                 hidden-attachment 404 404    ok       ok       404      ok       ok    404      ok    404
        GET    /api/attachments/{id}/thumbnail                 loose-attachment 404 404     ok       404      404      404      404   404      404   404
        GET    /api/ideas/{id}/tally                          idea           ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        # Before publication Voting has no ballot for the idea, so there is no tally for anyone yet (a hidden published idea's tally is in VisibilityTests).
        GET    /api/ideas/{id}/tally                          hidden         404  404      404      404      404      404      404   404      404   404
        GET    /api/ideas/{id}/supporters                     idea           ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/ideas/{id}/referrals/mine                 idea           401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/ideas/{id}/supporters                     hidden         404  404      404      404      404      404      404   404      404   404
        GET    /api/me/votes                                  -              401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/members/me/data.zip                       -              401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/members/me/notifications                  -              401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        POST   /api/members/me/notifications/read             -              401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/members/me/notification-preferences       -              401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        PUT    /api/members/me/notification-preferences       -              401  ok       ok       ok       ok       ok       ok    ok       ok    ok
        # Webhooks belong to a brand organisation: an id that is not one of its endpoints or deliveries is 404 to every brand.
        GET    /api/webhooks                                  -              401  403      403      403      403      403      ok    ok       403   403
        POST   /api/webhooks                                  -              401  403      403      403      403      403      ok    ok       403   403
        GET    /api/webhooks/{id}/deliveries                  idea           401  403      403      403      403      403      404   404      403   403
        POST   /api/webhook-deliveries/{id}/replay            idea           401  403      403      403      403      403      404   404      403   403
        DELETE /api/webhooks/{id}                             idea           401  403      403      403      403      403      404   404      403   403
        GET    /api/campaigns/{id}/exports/ideas.csv           campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/ideas.json          campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/comments.csv        campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/comments.json       campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/votes.csv           campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/votes.json          campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/moderation.csv      campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/moderation.json     campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/rewards.csv         campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/exports/rewards.json        campaign       401  403      403      403      403      403      ok    404      ok    403

        POST   /api/campaigns                                 -              401  403      403      403      403      403      ok    ok       403   403
        PUT    /api/campaigns/{id}                            draft          401  403      403      403      403      403      ok    404      403   403
        PUT    /api/campaigns/{id}                            campaign       401  403      403      403      403      403      ok    404      403   403
        POST   /api/campaigns/{id}/open                       campaign       401  403      403      403      403      403      ok    404      403   403
        POST   /api/campaigns/{id}/close                      closable       401  403      403      403      403      403      ok    404      403   403
        # The round's idea is undecided: the brand is let in and closing is refused (409), so the row changes nothing.
        POST   /api/campaigns/{id}/review-rounds              rounds-campaign 401 403      403      403      403      403      ok    404      403   403
        POST   /api/campaigns/{id}/review-rounds/{roundId}/close round      401  403      403      403      403      403      ok    404      403   403
        POST   /api/ideas/{id}/decision                       idea           401  403      403      403      403      403      ok    404      403   403
        POST   /api/ideas/{id}/updates                        idea           401  403      403      403      403      403      ok    404      403   403
        # Merged into the not-yet-published idea: those let in meet its rule (409), another brand is told the idea does not exist.
        POST   /api/ideas/{id}/merge                          idea           401  403      403      403      403      ok       ok    404      403   403
        POST   /api/ideas/{id}/unmerge                        idea           401  403      403      403      403      ok       ok    404      403   403
        POST   /api/ideas/{id}/sales                          idea           401  403      403      403      403      403      ok    404      403   403
        GET    /api/ideas/{id}/sales                          idea           401  403      403      403      403      403      ok    404      ok    403
        GET    /api/ideas/{id}/sales                          hidden         401  403      403      403      403      403      ok    404      ok    403
        GET    /api/ideas/{id}/votes                          idea           401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/history                    campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/state                      campaign       401  403      403      403      403      403      ok    404      ok    403
        GET    /api/campaigns/{id}/insights                   campaign       401  403      403      403      403      403      ok    404      ok    ok
        GET    /api/campaigns/{id}/insights/{table}.csv       campaign       401  403      403      403      403      403      ok    404      ok    ok
        GET    /api/insights                                  -              401  403      403      403      403      403      403   403      403   ok

        POST   /api/campaigns/{id}/ideas                      campaign       401  ok       ok       ok       ok       403      403   403      403   403
        POST   /api/campaigns/{id}/attachments                campaign       401  ok       ok       ok       ok       403      403   403      403   403
        POST   /api/ideas/{id}/votes                          idea           401  ok       ok       ok       ok       403      403   403      403   403
        # author and co-author cannot vote on their idea, so they have no vote to retract: "no vote of yours" is a 404.
        DELETE /api/ideas/{id}/votes/mine                     idea           401  ok       ok|404   ok|404   ok       403      403   403      403   403
        POST   /api/ideas/{id}/comments                       idea           401  ok       ok       ok       ok       403      403   403      403   403
        POST   /api/ideas/{id}/flags                          idea           401  ok       ok       ok       ok       403      403   403      403   403
        # Not public: for those who may not see it, it does not exist (an insider is told it is not public).
        POST   /api/ideas/{id}/flags                          hidden         401  404      ok       ok       404      403      403   403      403   403
        PUT    /api/comments/{id}                             comment        401  403      403      403      403      403      403   403      403   403
        DELETE /api/comments/{id}                             comment        401  403      403      403      403      403      403   403      403   403
        POST   /api/comments/{id}/flags                       comment        401  ok       ok       ok       ok       403      403   403      403   403
        POST   /api/ideas/{id}/disputes                       idea           401  ok       ok       ok       ok       403      403   403      403   403
        POST   /api/ip/agreements/{version}/acceptances       agreement      401  ok       ok       ok       ok       403      403   403      403   403

        PUT    /api/ideas/{id}                                idea           401  403      ok       ok       403      403      403   403      403   403
        POST   /api/ideas/{id}/withdraw                       spare          401  404      ok       403      403      403      403   403      403   403
        POST   /api/ideas/{id}/coauthors                      idea           401  403      ok       403      403      403      403   403      403   403
        POST   /api/ideas/{id}/coauthors/accept               spare          401  404      403|409  403|409  ok       403      403   403      403   403
        PUT    /api/ideas/{id}/ownership                      idea           401  403      ok       ok       403      403      403   403      403   403
        POST   /api/ideas/{id}/ownership/confirm              idea           401  403      ok       ok       403      403      403   403      403   403
        POST   /api/ideas/{id}/ownership/confirm              hidden         401  404      ok       ok       404      403      403   403      403   403
        GET    /api/ideas/{id}/ownership                      hidden         401  404      ok       ok       404      403      ok    404      ok    404
        GET    /api/ideas/{id}/ownership                      idea           401  403      ok       ok       403      403      ok    403|404  ok    403
        GET    /api/ideas/{id}/provenance                     idea           401  403      ok       ok       403      403      403   403      ok    403
        GET    /api/ideas/{id}/provenance/export              idea           401  403      403      403      403      403      403   403      ok    403
        GET    /api/ideas/{id}/moderation                     idea           401  403|404  ok       ok       403|404  ok       403|404 403|404 ok   403|404
        GET    /api/ideas/{id}/moderation                     hidden         401  404      ok       ok       404      ok       404   404      ok    404
        GET    /api/comments/{id}/moderation                  comment        401  403      403      403      403      ok       403   403      ok    403

        GET    /api/moderation/queue                          -              401  403      403      403      403      ok       403   403      403   403
        POST   /api/moderation/items/{id}/decision            pending-item   401  403      403      403      403      ok       403   403      403   403
        POST   /api/moderation/bans                           -              401  403      403      403      403      ok       403   403      403   403
        GET    /api/moderation/blocked-files                  -              401  403      403      403      403      ok       403   403      403   403
        POST   /api/moderation/blocked-files                  -              401  403      403      403      403      ok       403   403      403   403
        # The hash the row above put on the block list.
        DELETE /api/moderation/blocked-files/{sha256}         blocked-sha    401  403      403      403      403      ok       403   403      403   403
        GET    /api/moderation/log                            -              401  403      403      403      403      ok       403   403      ok    403
        POST   /api/moderation/items/{id}/appeal              rejected-item  401  403      ok       403      403      403      403   403      403   403

        GET    /api/ip/agreements                             -              401  403      403      403      403      403      403   403      ok    403
        GET    /api/ip/disputes                               -              401  403      403      403      403      403      403   403      ok    403
        POST   /api/ip/agreements                             -              401  403      403      403      403      403      403   403      ok    403
        POST   /api/ip/disputes/{id}/resolution               dispute        401  403      403      403      403      403      403   403      ok    403
        GET    /api/audit/verify                              -              401  403      403      403      403      403      403   403      ok    ok
        POST   /api/audit/verify-checkpoint                   -              401  403      403      403      403      403      403   403      ok    ok
        # The log's transparency: heads, key and consistency are public; an inclusion proof is public for a public campaign's event,
        # legal's and admin's otherwise (the event may still be on its way into the tree: 404 until it is).
        GET    /api/audit/checkpoint                          -              ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404
        GET    /api/audit/checkpoints                         -              ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/audit/public-key                          -              ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/audit/proofs/inclusion                    public-event   ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404 ok|404
        GET    /api/audit/proofs/inclusion                    draft-event    401  403      403      403      403      403      403   403      ok|404 ok|404
        GET    /api/audit/proofs/consistency                  -              ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        GET    /api/receipts/{id}                             vote           401  404      404      404      404      404      404   404      ok|404 ok|404
        GET    /api/members/{userId}/rewards                  member         401  ok       403      403      403      403      403   403      403   ok

        POST   /api/dev/tokens                                -              ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        POST   /api/dev/clock/advance                         -              ok   ok       ok       ok       ok       ok       ok    ok       ok    ok
        DELETE /api/members/{userId}/personal-data            erasable       401  403      403      403      403      403      403   403      403   ok
        """;

    public sealed record Row(string Method, string Route, string Target, IReadOnlyList<string[]> Expected)
    {
        public string Key => $"{Method} {Route}";
        public override string ToString() => Target == "-" ? Key : $"{Key} [{Target}]";
    }

    public static IReadOnlyList<Row> Rows { get; } = Parse();

    /// <summary>
    /// Minimal valid bodies, so each request reaches the rule being checked. POST /api/ip/agreements gets an empty
    /// body on purpose: a new agreement would oblige every other test's authors to accept it; the role policy
    /// answers before the body is read, and legal's 400 is "let in". The clock likewise gets a negative amount.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, Func<AuthorizationMatrixWorld, object>> Bodies =
        new Dictionary<string, Func<AuthorizationMatrixWorld, object>>
        {
            ["POST /api/campaigns"] = _ => new { title = "Matrix lighthouse campaign", brief = "Lighthouses for the matrix." },
            ["POST /api/members/me/notifications/read"] = _ => new { },
            ["PUT /api/members/me/notification-preferences"] = _ => new { email = "matrix@example.org", deliveries = new Dictionary<string, string> { ["reply"] = "in-app" } },
            ["PUT /api/campaigns/{id}"] = _ => new { title = "Matrix lighthouse draft", brief = "Lighthouses for the matrix, edited." },
            ["POST /api/campaigns/{id}/ideas"] = _ => new { title = "Matrix tugboat", description = "A tugboat with a winch.", tags = new[] { "sea" } },
            ["PUT /api/ideas/{id}"] = _ => new { title = "Matrix ferry, revised", description = "A ferry whose bow opens.", tags = new[] { "sea" } },
            ["POST /api/ideas/{id}/coauthors"] = w => new { userId = w.StrangerId },
            ["POST /api/ideas/{id}/decision"] = _ => new { outcome = "Selected", note = "Matrix" },
            // Loopback is refused on the shared platform (insecure targets are off): the brands let in get its 400.
            ["POST /api/webhooks"] = _ => new { url = "http://127.0.0.1:9/matrix", kinds = new[] { "idea.submitted" } },
            ["POST /api/ideas/{id}/merge"] = w => new { into = w.Targets["hidden"], note = "Matrix" },
            ["POST /api/ideas/{id}/unmerge"] = _ => new { note = "Matrix" },
            ["POST /api/ideas/{id}/updates"] = _ => new { status = "InProduction", note = "Matrix" },
            ["POST /api/ideas/{id}/sales"] = _ => new { period = "2027-Q1", netSales = 10m, currency = "EUR" },
            ["POST /api/ideas/{id}/comments"] = _ => new { text = "Nice hull." },
            ["POST /api/ideas/{id}/flags"] = _ => new { reason = "copied" },
            ["POST /api/comments/{id}/flags"] = _ => new { reason = "rude" },
            ["PUT /api/comments/{id}"] = _ => new { text = "Edited by someone else." },
            ["POST /api/ideas/{id}/votes"] = _ => new { },
            ["POST /api/ideas/{id}/disputes"] = _ => new { claim = "Prior art", evidence = "My 2019 model of the same ferry." },
            ["PUT /api/ideas/{id}/ownership"] = w => new
            {
                shares = new[] { new { userId = w.UserIds["author"], percent = 60m }, new { userId = w.UserIds["coauthor"], percent = 40m } }
            },
            ["POST /api/moderation/items/{id}/decision"] = _ => new { decision = "Approve" },
            ["POST /api/moderation/items/{id}/appeal"] = _ => new { statement = "I designed it myself." },
            ["POST /api/moderation/bans"] = w => new { userId = w.StrangerId, reason = "matrix" },
            ["POST /api/campaigns/{id}/attachments"] = _ => TestFiles.Form(TestFiles.Png(), "matrix.png", "image/png"),
            ["POST /api/moderation/blocked-files"] = w => new { sha256 = w.Targets["blocked-sha"], reason = "matrix" },
            // Not a signed note: who may ask is checked before the note is read (legal and admin get its 400).
            ["POST /api/audit/verify-checkpoint"] = _ => new { note = "matrix" },
            ["POST /api/ip/agreements"] = _ => new { },
            ["POST /api/ip/disputes/{id}/resolution"] = _ => new { outcome = "Dismissed", note = "Matrix" },
            ["POST /api/dev/tokens"] = _ => new { userId = "matrix-token", roles = new[] { "participant" } },
            ["POST /api/dev/clock/advance"] = _ => new { days = -1 },
        };

    public static readonly IReadOnlyDictionary<string, Func<AuthorizationMatrixWorld, string>> Queries =
        new Dictionary<string, Func<AuthorizationMatrixWorld, string>>
        {
            ["GET /api/moderation/log"] = w => $"?subjectId={w.Targets["idea"]}",
            ["GET /api/ideas/{id}/supporters"] = _ => "?bucket=day",
            ["GET /api/audit/proofs/inclusion [public-event]"] = w => $"?seq={w.Targets["public-event"]}&treeSize=1",
            ["GET /api/audit/proofs/inclusion [draft-event]"] = w => $"?seq={w.Targets["draft-event"]}&treeSize=1",
            ["GET /api/audit/proofs/consistency"] = _ => "?from=0&to=0",
        };

    private static List<Row> Parse()
    {
        var rows = new List<Row>();
        foreach (var line in Table.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length != 3 + Principals.Length)
                throw new InvalidOperationException($"Matrix row '{line}' has {cells.Length} cells, expected {3 + Principals.Length}.");
            rows.Add(new Row(cells[0], cells[1], cells[2], cells[3..].Select(c => c.Split('|')).ToList()));
        }
        return rows;
    }
}
