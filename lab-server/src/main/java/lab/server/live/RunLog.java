package lab.server.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The runs that clients announced ({@code POST /runs}): which strategy or judge step is loading the
 * server, so that a person watching the live view knows what they are looking at. A marker is only a
 * label: it changes no figure and takes no slot. Several runs may be open at once (two clients
 * sharing a server). Thread-safe; the last {@value #KEPT} runs are kept.
 */
final class RunLog {

    static final int KEPT = 100;

    /** One announced run; {@code endedMs} is null while it runs. Times are epoch milliseconds. */
    record Run(long id, String name, String detail, long startedMs, Long endedMs) {
    }

    private final LongSupplier clockMs;
    private final List<Run> runs = new ArrayList<>();
    private long lastId;

    RunLog(LongSupplier clockMs) {
        this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
    }

    synchronized Run start(String name, String detail) {
        Run run = new Run(++lastId, Objects.requireNonNull(name, "name"), Objects.requireNonNull(detail, "detail"),
                clockMs.getAsLong(), null);
        runs.add(run);
        if (runs.size() > KEPT) {
            runs.removeFirst();
        }
        return run;
    }

    /** Ends run {@code id} (a second end keeps the first one's time); the run as it is now, or null if unknown. */
    synchronized Run end(long id) {
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            if (r.id() == id) {
                if (r.endedMs() == null) {
                    r = new Run(r.id(), r.name(), r.detail(), r.startedMs(), clockMs.getAsLong());
                    runs.set(i, r);
                }
                return r;
            }
        }
        return null;
    }

    synchronized List<Run> all() {
        return List.copyOf(runs);
    }
}
