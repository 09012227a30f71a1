package lab.client.cache;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * An in-memory upstream for the model checker: keys {@code k0}..{@code k2}, no I/O (Lincheck cannot
 * explore a socket), every call counted. The n-th successful load of a key answers {@code kN#n}, so
 * a second load of a key shows in the value a caller gets, not only in a counter. {@code k2} always
 * fails, as a 500 would; while broken, every key does.
 */
final class ScriptedUpstream implements Upstream {

    static final int KEYS = 3;
    static final int FAILING_KEY = 2;

    private final AtomicIntegerArray calls = new AtomicIntegerArray(KEYS);
    private final AtomicIntegerArray successes = new AtomicIntegerArray(KEYS);
    private volatile boolean broken;

    static String key(int index) {
        return "k" + index;
    }

    static String value(int index, int nthSuccess) {
        return key(index) + "#" + nthSuccess;
    }

    @Override
    public String load(String key) throws InterruptedException {
        int index = key.charAt(1) - '0';
        calls.incrementAndGet(index);
        if (broken || index == FAILING_KEY) {
            throw new UpstreamException(key, 500);
        }
        return value(index, successes.incrementAndGet(index));
    }

    void breakIt() {
        broken = true;
    }

    void heal() {
        broken = false;
    }

    int calls(int index) {
        return calls.get(index);
    }
}
