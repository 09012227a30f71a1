package lab.server;

import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import lab.server.behavior.Durations;
import sun.misc.Signal;

/**
 * SIGTERM and Ctrl-C (SIGINT) drain the server: the first stops accepting and lets the requests in
 * flight finish for at most {@code --drain-timeout}, then the process exits 0; a second one, of
 * either kind, exits at once. The first line printed after a signal says which of the two happens.
 *
 * <p>Why {@code sun.misc.Signal} (the JDK's {@code jdk.unsupported} module, and the one javac
 * warning of the build): the only public way to see a signal is a shutdown hook, and while hooks
 * run, the JVM answers a second SIGTERM by blocking, so "press Ctrl-C again to quit now" cannot be
 * built on them. Where a handler cannot be installed (the JVM was started with {@code -Xrs}, or the
 * signal is ignored, as SIGINT is in a background job), a shutdown hook drains instead, without the
 * second-signal exit.
 */
final class ShutdownSignals {

    private static final List<String> SIGNALS = List.of("TERM", "INT");

    private final LabServer server;
    private final PrintWriter out;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final CountDownLatch reported = new CountDownLatch(1);

    private ShutdownSignals(LabServer server, PrintWriter out) {
        this.server = Objects.requireNonNull(server, "server");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Installs the handlers; the caller, once the server has stopped, waits for the drain's last line with {@link #awaitReport()}. */
    static ShutdownSignals install(LabServer server, PrintWriter out) {
        ShutdownSignals signals = new ShutdownSignals(server, out);
        boolean hookNeeded = false;
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signals::onSignal);
            } catch (IllegalArgumentException unavailable) {
                hookNeeded = true;
            }
        }
        if (hookNeeded) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (signals.draining.compareAndSet(false, true)) {
                    signals.drain();
                }
            }, "lab-server-drain-hook"));
        }
        return signals;
    }

    /** After the server has stopped: if a drain stopped it, waits until its summary line is out. */
    void awaitReport() throws InterruptedException {
        if (draining.get()) {
            reported.await();
        }
    }

    /** Runs on a thread the JVM starts for each signal; the drain gets a thread of its own all the same. */
    private void onSignal(Signal signal) {
        String name = "SIG" + signal.getName();
        if (draining.compareAndSet(false, true)) {
            out.println("lab-server: " + name + ": draining: stopped accepting, answering the " + server.ledger().snapshot().inFlight()
                    + " request(s) in flight for at most " + Durations.format(server.policy().drainTimeout())
                    + ", then exit 0; send SIGTERM or Ctrl-C again to exit at once");
            out.flush();
            Thread drain = new Thread(this::drain, "lab-server-drain");
            drain.start();
        } else {
            out.println("lab-server: " + name + " again: exiting now, " + server.ledger().snapshot().inFlight()
                    + " request(s) left unanswered");
            out.flush();
            Runtime.getRuntime().halt(128 + signal.getNumber()); // the shell's code for "ended by this signal"
        }
    }

    private void drain() {
        LabServer.Drained d = server.drain(server.policy().drainTimeout());
        if (d.unanswered() == 0) {
            out.println("lab-server: drained in " + d.elapsedMs() + " ms: all " + d.inFlightAtStart()
                    + " request(s) in flight at the signal answered; exiting");
        } else {
            out.println("lab-server: drain timeout " + Durations.format(server.policy().drainTimeout()) + " passed: "
                    + d.unanswered() + " request(s) still in flight were cut off; exiting");
        }
        out.flush();
        reported.countDown();
    }
}
