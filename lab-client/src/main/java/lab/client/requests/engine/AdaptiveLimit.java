package lab.client.requests.engine;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import lab.client.requests.call.Attempt;

/**
 * Finds the server's limit without being told it, from the 429s it answers.
 *
 * <p>Hand-written rather than taken from a library such as Netflix's concurrency-limits: those
 * estimate a soft limit from rising latency (Vegas, Gradient), but lab-server never queues, so its
 * latency says nothing until the limit is hit, and then it says it sharply. What a 429 tells this
 * client: when the request reached the server, the server already held {@code limit} requests, and
 * every one of them was this client's (nobody else calls it). Those were out at the client at that
 * moment, so the limit is below the most this client had out at any time between sending the request
 * and hearing the 429 ({@code peak}, this one included). It is not "below the number out when it was
 * sent": requests sent later may overtake it on the way (another connection, another thread), and
 * then that smaller number is no bound at all. The peak is a bound whatever the order of arrival, so
 * the ceiling learnt from it never falls below the real limit. The number out at send is kept as a
 * guess: the limit drops to it (right when requests arrive in order, as they mostly do), and if it
 * was too low, additive increase climbs back to the proven ceiling without a single 429.
 *
 * <ul>
 *   <li>Slow start: from one request in flight, one more per success (doubling each round trip)
 *       until the first 429.</li>
 *   <li>On a 429 sent with {@code n} out, whose peak was {@code p}: the ceiling becomes {@code p - 1},
 *       the limit drops to {@code n - 1} (never above the ceiling).</li>
 *   <li>Below the ceiling (after a drop), one more per round trip: additive increase.</li>
 *   <li>At the ceiling, it probes one above after a quiet stretch of successes, doubling the
 *       stretch each time the probe is refused, up to {@link #MAX_PROBE_AFTER}: refusals grow rarer,
 *       but capacity added to the server is still found within a bounded number of successes.</li>
 * </ul>
 * The 429s it costs: a handful in the first probe, then one per probe.
 *
 * <p>It waits on a {@link ReentrantLock}'s condition, not in {@code synchronized} + {@code wait()}:
 * on JDK 21 to 23 a virtual thread waiting in a monitor pins its carrier, and every request of the
 * virtual-thread engine waits here.
 */
public final class AdaptiveLimit implements Limiter {

    private static final int FIRST_PROBE_AFTER = 100;

    /**
     * The longest quiet stretch between probes: 100 × 2⁷, reached after seven refused probes. At the
     * lab's 100 to 200 requests per second that is one probe (one 429) a minute or two, so a server
     * that gains capacity is found within minutes, while a steady one costs under 0.01% of requests.
     */
    static final long MAX_PROBE_AFTER = FIRST_PROBE_AFTER << 7;

    private final int cap;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition room = lock.newCondition();
    /** The permits out now; each remembers the most that were out during its life. */
    private final Set<Out> out = new HashSet<>();
    private double limit = 1;
    private int ceiling;
    private boolean slowStart = true;
    private boolean probing;
    private long quietSuccesses;
    private long probeAfter = FIRST_PROBE_AFTER;

    /** {@code cap}: never more than this in flight, whatever the server would take. */
    public AdaptiveLimit(int cap) {
        this.cap = cap;
        this.ceiling = cap;
    }

    @Override
    public Permit acquire() throws InterruptedException {
        lock.lock();
        try {
            while (out.size() >= (int) limit) {
                room.await();
            }
            Out permit = new Out(out.size() + 1);
            out.add(permit);
            int n = out.size();
            for (Out o : out) { // at most cap of them: cheap next to an HTTP call
                o.peak = Math.max(o.peak, n);
            }
            return permit;
        } finally {
            lock.unlock();
        }
    }

    /** The limit it has arrived at so far. */
    public int limit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    /** How many quiet successes at the ceiling earn the next probe now. */
    long probeAfter() {
        lock.lock();
        try {
            return probeAfter;
        } finally {
            lock.unlock();
        }
    }

    private final class Out implements Permit {
        final int atSend;
        int peak;
        boolean released;

        Out(int atSend) {
            this.atSend = atSend;
        }

        @Override
        public void release(Attempt outcome) {
            lock.lock();
            try {
                if (released) {
                    return;
                }
                released = true;
                out.remove(this);
                if (outcome != null && outcome.rejected()) {
                    onRejected(atSend, peak);
                } else if (outcome != null && outcome.ok()) {
                    onSuccess();
                }
                room.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void onRejected(int atSend, int peak) {
        if (probing) {
            probing = false;
            probeAfter = Math.min(MAX_PROBE_AFTER, probeAfter * 2); // a refused probe: wait longer, within the bound
        }
        slowStart = false;
        quietSuccesses = 0;
        ceiling = Math.min(ceiling, Math.max(1, peak - 1));
        limit = Math.min(limit, Math.min(ceiling, Math.max(1, atSend - 1)));
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
