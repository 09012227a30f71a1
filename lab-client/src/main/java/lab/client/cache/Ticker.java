package lab.client.cache;

/**
 * A source of nanoseconds for expiry. Passed in, so that a test can move time forward by hand and
 * check a {@code --ttl} without waiting for it.
 */
@FunctionalInterface
public interface Ticker {

    long read();

    static Ticker system() {
        return System::nanoTime;
    }
}
