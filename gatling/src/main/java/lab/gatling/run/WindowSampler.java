package lab.gatling.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import lab.client.api.LabApi;
import lab.server.stats.Snapshot;

/**
 * Measures a simulation window by window, on a thread of its own: at each window's start it resets
 * the server's figures and drains the clients' tallies, at its end it reads both. Started from the
 * simulation's {@code before()} hook, which Gatling runs just before it injects the first user, so
 * window times are times from the start of the load (to within the few milliseconds Gatling takes
 * to begin; every window leaves a margin larger than that).
 */
public final class WindowSampler {

    private final LabApi stats;
    private final Map<String, ClientTally> tallies;
    private final List<WindowSpec> specs;
    private final List<WindowFigures> figures = new ArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "window-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile RuntimeException failure;
    private long openedAt;
    private int carriedIn;

    /** Windows in time order, none overlapping the next. */
    public WindowSampler(LabApi stats, Map<String, ClientTally> tallies, List<WindowSpec> specs) {
        for (int i = 1; i < specs.size(); i++) {
            if (specs.get(i).from().compareTo(specs.get(i - 1).to()) < 0) {
                throw new IllegalArgumentException("windows overlap: " + specs.get(i - 1) + " and " + specs.get(i));
            }
        }
        this.stats = stats;
        this.tallies = new LinkedHashMap<>(tallies);
        this.specs = List.copyOf(specs);
    }

    /** Schedules every window from now. */
    public void start() {
        long t0 = System.nanoTime();
        for (int i = 0; i < specs.size(); i++) {
            WindowSpec spec = specs.get(i);
            boolean last = i == specs.size() - 1;
            timer.schedule(this::open, at(t0, spec.from().toNanos()), TimeUnit.NANOSECONDS);
            timer.schedule(() -> close(spec, last), at(t0, spec.to().toNanos()), TimeUnit.NANOSECONDS);
        }
        if (specs.isEmpty()) {
            done.countDown();
        }
    }

    private static long at(long t0, long offsetNanos) {
        return Math.max(0, t0 + offsetNanos - System.nanoTime());
    }

    private void open() {
        try {
            carriedIn = stats.closeWindow().inFlight();
            tallies.values().forEach(ClientTally::drain);
            openedAt = System.nanoTime();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void close(WindowSpec spec, boolean last) {
        try {
            Snapshot server = stats.stats().figures();
            long windowMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedAt);
            Map<String, ClientFigures> clients = new LinkedHashMap<>();
            tallies.forEach((name, tally) -> clients.put(name, tally.drain()));
            WindowFigures window = new WindowFigures(spec.label(), spec.nominalRps(), windowMs, carriedIn, server, clients);
            synchronized (figures) {
                figures.add(window);
            }
            System.out.println(Lines.window(window));
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            if (last) {
                done.countDown();
                timer.shutdown();
            }
        }
    }

    /** Waits (at most the time left in the schedule plus a minute) for the last window, then returns every window. */
    public List<WindowFigures> await() {
        try {
            long lastNanos = specs.isEmpty() ? 0 : specs.get(specs.size() - 1).to().toNanos();
            if (!done.await(lastNanos + TimeUnit.MINUTES.toNanos(1), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("the last measuring window never closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the measuring windows", e);
        }
        if (failure != null) {
            throw new IllegalStateException("a measuring window failed: " + failure.getMessage(), failure);
        }
        synchronized (figures) {
            return List.copyOf(figures);
        }
    }
}
