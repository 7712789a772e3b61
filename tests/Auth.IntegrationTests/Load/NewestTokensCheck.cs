using Auth.IntegrationTests.Testing;

namespace Auth.IntegrationTests.Load;

/// <summary>
/// Checks the persisted blobs after concurrent refreshes against everything that was written and everything the
/// authority was sent: each user's blob holds exactly one refresh token, the one never redeemed (refresh tokens
/// rotate, so only the newest is unredeemed), and the access token written together with it.
/// </summary>
internal static class NewestTokensCheck
{
    public static IReadOnlyList<string> Problems(
        IEnumerable<string> homeAccountIds,
        IReadOnlyDictionary<string, string> blobs,
        IReadOnlyCollection<(string Partition, string Blob)> writes,
        IReadOnlySet<string> redeemedRefreshTokens)
    {
        var problems = new List<string>();
        foreach (var user in homeAccountIds)
        {
            if (!blobs.TryGetValue(user, out var blob))
            {
                problems.Add($"{user}: no blob");
                continue;
            }

            var final = CacheBlob.Parse(blob);
            var history = writes.Where(w => w.Partition == user).Select(w => CacheBlob.Parse(w.Blob)).ToList();
            var written = history.SelectMany(h => h.RefreshTokens).Select(t => t.Secret).ToHashSet(StringComparer.Ordinal);
            var unredeemed = written.Where(t => !redeemedRefreshTokens.Contains(t)).ToList();
            if (final.RefreshTokens is not [var refreshToken] || final.AccessTokens.Count != 1 || final.IdTokens.Count != 1)
            {
                problems.Add($"{user}: {final.RefreshTokens.Count} refresh, {final.AccessTokens.Count} access, {final.IdTokens.Count} ID tokens (want one each)");
                continue;
            }

            if (redeemedRefreshTokens.Contains(refreshToken.Secret))
            {
                problems.Add($"{user}: the cached refresh token was already redeemed (a stale write won)");
            }

            if (unredeemed.Count != 1)
            {
                problems.Add($"{user}: {unredeemed.Count} written refresh tokens were never redeemed (want exactly the newest)");
            }

            var introducedWith = history.FirstOrDefault(h => h.RefreshTokens.Any(t => t.Secret == refreshToken.Secret));
            if (introducedWith is null || introducedWith.AccessTokens.Single().Secret != final.AccessTokens[0].Secret)
            {
                problems.Add($"{user}: the cached access token is not the one issued with the newest refresh token");
            }
        }

        return problems;
    }
}
