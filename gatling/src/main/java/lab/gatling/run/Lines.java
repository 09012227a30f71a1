package lab.gatling.run;

import java.util.Locale;

/** The one-line progress report a simulation prints as each window closes. */
final class Lines {

    private Lines() {
    }

    static String window(WindowFigures w) {
        return String.format(Locale.ROOT,
                "[lab] %-14s offered %7.1f rps  accepted %7.1f rps  429 %5.2f%%  p99 %7.1f ms  max in flight %d/%d",
                w.label(), w.offeredRps(), w.acceptedRps(), 100 * w.rejectedFraction(),
                w.server().latencyMs().p99(), w.server().maxInFlight(), w.server().limit());
    }
}
