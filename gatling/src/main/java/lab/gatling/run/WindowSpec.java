package lab.gatling.run;

import java.time.Duration;
import java.util.Objects;

/**
 * One measuring window of a simulation, in time from the start of the injection: the server's
 * figures are reset at {@code from} and read at {@code to}. Windows leave out the first moments of
 * each load step (connections opening, the previous step's requests still in flight), so that each
 * one sees a steady state.
 *
 * @param label      what was offered in this window ("100 rps", "tryMax 4")
 * @param nominalRps the arrival rate Gatling was told to inject, 0 for a closed model
 * @param from       reset time, from the start
 * @param to         read time, from the start; after {@code from}
 */
public record WindowSpec(String label, double nominalRps, Duration from, Duration to) {

    public WindowSpec {
        Objects.requireNonNull(label, "label");
        if (from.isNegative() || to.compareTo(from) <= 0) {
            throw new IllegalArgumentException("a window must end after it starts, at or after 0: " + from + " to " + to);
        }
    }
}
