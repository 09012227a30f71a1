package lab.server.stats;

/**
 * One accepted request's place under the limit. It is given back exactly once, by
 * {@link #release(Outcome)}; a second release is ignored, so a response racing a client's close
 * cannot free the same place twice.
 */
public final class Slot {

    private final Ledger ledger;
    private final long sequence;
    private final long admittedAtNanos;
    private boolean released; // guarded by ledger

    Slot(Ledger ledger, long sequence, long admittedAtNanos) {
        this.ledger = ledger;
        this.sequence = sequence;
        this.admittedAtNanos = admittedAtNanos;
    }

    /** The acceptance number since the last reset, 0-based: the key of this request's random draws. */
    public long sequence() {
        return sequence;
    }

    /** Books the service time drawn for this request into {@code service_ms_sum} and {@code service_ms_max}. */
    public void charge(long serviceMs) {
        ledger.charge(serviceMs);
    }

    /** Gives the place back. Call it before the response is written, so the client can never outrun it. */
    public void release(Outcome outcome) {
        ledger.release(this, outcome);
    }

    long admittedAtNanos() {
        return admittedAtNanos;
    }

    /** Marks the slot released; true only the first time. Called under the ledger's lock. */
    boolean markReleased() {
        if (released) {
            return false;
        }
        released = true;
        return true;
    }
}
