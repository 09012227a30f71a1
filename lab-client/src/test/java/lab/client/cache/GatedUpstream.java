package lab.client.cache;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An upstream whose calls reach the server at once but hand their answer (value or error) back only
 * when the test opens the gate. With the gate shut, a test can make every caller ask before any load
 * has finished: the stampede happens every time, not when the scheduler happens to allow it.
 */
final class GatedUpstream implements Upstream {

    private final Upstream inner;
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    GatedUpstream(Upstream inner) {
        this.inner = inner;
    }

    /** Loads from now on hold their answers until {@link #open()}. */
    void shut() {
        gate.set(new CountDownLatch(1));
    }

    void open() {
        gate.get().countDown();
    }

    @Override
    public String load(String key) throws IOException, InterruptedException {
        CountDownLatch current = gate.get();
        try {
            return inner.load(key);
        } finally {
            current.await();
        }
    }
}
