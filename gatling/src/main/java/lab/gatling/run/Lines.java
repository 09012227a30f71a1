package lab.gatling.run;

import java.util.Locale;
import lab.gatling.judge.ServerStats;

/** The one-line progress reports a simulation prints as each window closes. */
final class Lines {

    private Lines() {
    }

    static String window(WindowSpec spec, long windowMs, ServerStats s) {
        double seconds = windowMs / 1000.0;
        return String.format(Locale.ROOT,
                "[lab] %-14s offered %7.1f rps  accepted %7.1f rps  429 %5.2f%%  p99 %7.1f ms  max in flight %d/%d",
                spec.label(), s.offered() / seconds, s.accepted() / seconds, 100 * s.rejectedFraction(),
                s.latencyMs().p99(), s.maxInFlight(), s.limit());
    }
}
