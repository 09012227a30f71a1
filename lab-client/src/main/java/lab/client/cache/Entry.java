package lab.client.cache;

import java.time.Duration;

/** A cached value and when it was loaded, by the cache's {@link lab.server.stats.Ticker}. */
record Entry(String value, long loadedAtNanos) {

    /** True while the entry is younger than {@code ttl}; a zero ttl never expires. */
    boolean isFresh(Duration ttl, long nowNanos) {
        return ttl.isZero() || nowNanos - loadedAtNanos < ttl.toNanos();
    }
}
