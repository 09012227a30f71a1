package lab.client.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import lab.server.stats.Ticker;

/**
 * What every strategy is built from.
 *
 * @param upstream where a miss is loaded from
 * @param loads    where loads run; a load runs on a thread of its own, never on the caller's, so a
 *                 caller that stops waiting cannot cancel it for the others (virtual threads in the lab)
 * @param ticker   the clock of expiry (lab-server's {@link Ticker}: passed in, so a test moves time by hand
 *                 and checks a {@code --ttl} without waiting for it)
 * @param ttl      how long an entry stays fresh after its load completes; {@link Duration#ZERO} for ever
 */
public record CacheConfig(Upstream upstream, Executor loads, Ticker ticker, Duration ttl) {

    public CacheConfig {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(loads, "loads");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be zero (never expire) or positive, got " + ttl);
        }
    }

    public static CacheConfig of(Upstream upstream, Executor loads) {
        return new CacheConfig(upstream, loads, Ticker.system(), Duration.ZERO);
    }

    public CacheConfig withTicker(Ticker ticker) {
        return new CacheConfig(upstream, loads, ticker, ttl);
    }

    public CacheConfig withTtl(Duration ttl) {
        return new CacheConfig(upstream, loads, ticker, ttl);
    }
}
