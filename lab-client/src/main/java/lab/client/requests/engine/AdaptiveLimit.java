package lab.client.requests.engine;

import lab.client.requests.call.Attempt;

/**
 * Finds the server's limit without being told it, from the 429s it answers.
 *
 * <p>Hand-written rather than taken from a library such as Netflix's concurrency-limits: those
 * estimate a soft limit from rising latency (Vegas, Gradient), but lab-server never queues, so its
 * latency says nothing until the limit is hit, and then it says it exactly: a 429 answered while
 * this client had {@code n} requests out (this one included) proves the limit is below {@code n},
 * because the server never counts more in flight than the client has sent. That sharp signal lets
 * the limiter learn a ceiling instead of sawing around it.
 *
 * <ul>
 *   <li>Slow start: from one request in flight, one more per success (doubling each round trip)
 *       until the first 429.</li>
 *   <li>On a 429 sent with {@code n} out: the ceiling becomes {@code n - 1} and the limit drops to it.</li>
 *   <li>Below the ceiling (after a drop), one more per round trip: additive increase.</li>
 *   <li>At the ceiling, it probes one above after a quiet stretch of successes, doubling the
 *       stretch each time the probe is refused, so capacity added to the server is found again
 *       while the refusals grow rarer.</li>
 * </ul>
 * The 429s it costs: a handful in the first probe, then one per probe.
 */
public final class AdaptiveLimit implements Limiter {

    private static final int FIRST_PROBE_AFTER = 100;

    private final int cap;
    private double limit = 1;
    private int ceiling;
    private boolean slowStart = true;
    private int inFlight;
    private boolean probing;
    private long quietSuccesses;
    private long probeAfter = FIRST_PROBE_AFTER;

    /** {@code cap}: never more than this in flight, whatever the server would take. */
    public AdaptiveLimit(int cap) {
        this.cap = cap;
        this.ceiling = cap;
    }

    @Override
    public synchronized Permit acquire() throws InterruptedException {
        while (inFlight >= (int) limit) {
            wait();
        }
        int outAtSend = ++inFlight;
        return outcome -> release(outAtSend, outcome);
    }

    /** The limit it has arrived at so far. */
    public synchronized int limit() {
        return (int) limit;
    }

    private synchronized void release(int outAtSend, Attempt outcome) {
        inFlight--;
        if (outcome != null && outcome.rejected()) {
            onRejected(outAtSend);
        } else if (outcome != null && outcome.ok()) {
            onSuccess();
        }
        notifyAll();
    }

    private void onRejected(int outAtSend) {
        if (probing) {
            probing = false;
            probeAfter *= 2; // a refused probe: wait twice as long before the next one
        }
        slowStart = false;
        quietSuccesses = 0;
        ceiling = Math.min(ceiling, Math.max(1, outAtSend - 1));
        limit = Math.min(limit, ceiling);
    }

    private void onSuccess() {
        if (slowStart) {
            limit = Math.min(cap, limit + 1);
        } else if (limit < ceiling) {
            limit = Math.min(ceiling, limit + 1 / limit);
        } else {
            atTheCeiling();
        }
    }

    /** A probe survives a full round at the new level; a quiet stretch earns the next probe. */
    private void atTheCeiling() {
        quietSuccesses++;
        if (probing && quietSuccesses >= ceiling) {
            probing = false;
            quietSuccesses = 0;
        } else if (!probing && quietSuccesses >= probeAfter && ceiling < cap) {
            probing = true;
            quietSuccesses = 0;
            limit = ++ceiling;
        }
    }
}
