package lab.client.primitives;

import java.time.Duration;
import lab.server.support.Await;

/** Test helpers: wait for a condition with a bound (the lab's one {@link Await}), and recognise a thread parked for good. */
final class Threads {

    static final Duration BOUND = Await.BOUND;

    private Threads() {
    }

    static void awaitUntil(String what, Await.Condition condition) {
        Await.require(what, condition);
    }

    /** Waits until {@code t} is parked without a timeout (blocked in await/acquire/wait). */
    static void awaitParked(Thread t) {
        awaitUntil(t.getName() + " is parked", () -> t.getState() == Thread.State.WAITING);
    }

    static Thread start(String name, Crew.Body body) {
        return Thread.ofPlatform().name(name).daemon().start(() -> {
            try {
                body.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static void joinAll(Thread... threads) throws InterruptedException {
        for (Thread t : threads) {
            if (!t.join(BOUND)) {
                throw new AssertionError(t.getName() + " did not end within " + BOUND.toSeconds() + " s");
            }
        }
    }
}
