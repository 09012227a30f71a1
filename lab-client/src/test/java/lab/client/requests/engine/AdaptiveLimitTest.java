package lab.client.requests.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import lab.client.requests.call.Attempt;
import org.junit.jupiter.api.Test;

/** The limit's arithmetic, fed outcomes by hand: no server, no clock. */
class AdaptiveLimitTest {

    private static final Attempt OK = new Attempt(200, "1", 10, 0, 10, null);
    private static final Attempt REFUSED = new Attempt(429, null, -1, 50, 1, "HTTP 429");

    @Test
    void aRequestOvertakenOnTheWayDoesNotTeachACeilingBelowTheRealLimit() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(50);
        growTo(limit, 8);
        // Four out, then a fifth (the one refused), then three more that overtake it: the server held 7.
        List<Limiter.Permit> first = acquire(limit, 4);
        Limiter.Permit overtaken = limit.acquire();
        List<Limiter.Permit> later = acquire(limit, 3);
        overtaken.release(REFUSED);
        first.forEach(p -> p.release(OK));
        later.forEach(p -> p.release(OK));

        // Sent with 5 out, but 8 were out before its 429 came: all it proves is a limit of 7 at most.
        for (int i = 0; i < 60; i++) {
            limit.acquire().release(OK);
        }
        // It dropped to the in-order guess (4), and climbs back to the proven ceiling with no other 429.
        assertThat(limit.limit()).as("the limit 60 successes after the reordered 429").isEqualTo(7);
    }

    @Test
    void theProbeBackOffIsBounded() throws Exception {
        AdaptiveLimit limit = new AdaptiveLimit(50);
        growTo(limit, 8);
        eighthRefused(limit); // the server's limit is 7
        assertThat(limit.limit()).isEqualTo(7);
        for (int probe = 0; probe < 12; probe++) {
            long successes = 0;
            while (limit.limit() == 7) { // one at a time, so that the probe starts with the last success
                assertThat(successes).as("successes before probe %d", probe).isLessThanOrEqualTo(AdaptiveLimit.MAX_PROBE_AFTER);
                limit.acquire().release(OK);
                successes++;
            }
            eighthRefused(limit); // the probe at 8 is refused
            assertThat(limit.limit()).isEqualTo(7);
        }
        assertThat(limit.probeAfter()).isEqualTo(AdaptiveLimit.MAX_PROBE_AFTER);
    }

    /** Eight out at once against a limit of 7: seven answered, the eighth refused. */
    private static void eighthRefused(AdaptiveLimit limit) throws InterruptedException {
        List<Limiter.Permit> permits = acquire(limit, 8);
        permits.subList(0, 7).forEach(p -> p.release(OK));
        permits.get(7).release(REFUSED);
    }

    /** Slow start with everything answered 200, until the limit lets {@code n} out at once. */
    private static void growTo(AdaptiveLimit limit, int n) throws InterruptedException {
        while (limit.limit() < n) {
            acquire(limit, limit.limit()).forEach(p -> p.release(OK));
        }
    }

    private static List<Limiter.Permit> acquire(AdaptiveLimit limit, int n) throws InterruptedException {
        List<Limiter.Permit> permits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            permits.add(limit.acquire());
        }
        return permits;
    }
}
