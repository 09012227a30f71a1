package lab.server.stats;

/** A source of monotonic nanoseconds; passed in so that the ledger can be tested without waiting. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    /** {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
