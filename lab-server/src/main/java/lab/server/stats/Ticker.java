package lab.server.stats;

/**
 * A source of monotonic nanoseconds, passed in so that what reads the time can be tested without
 * waiting: the ledger here, lab-client's cache expiry ({@code --ttl}).
 */
@FunctionalInterface
public interface Ticker {

    long nanos();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
