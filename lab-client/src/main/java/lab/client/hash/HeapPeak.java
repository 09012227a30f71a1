package lab.client.hash;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Two views of the heap since {@link #reset}, in MiB. {@link #mib} is the high-water mark: the sum
 * of every heap pool's peak (the pools peak at different moments, so it is an upper bound of the heap
 * ever in use at once; it is what {@code -Xmx} must cover, and it follows the collector's sizing
 * as much as the program). {@link #liveMib} is the largest heap left after any collection: what the
 * program really kept, the figure that must not grow with the table.
 */
final class HeapPeak {

    private static final AtomicLong LIVE_MAX = new AtomicLong();
    private static volatile boolean listening;

    private HeapPeak() {
    }

    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        LIVE_MAX.set(0);
        listen();
    }

    static double mib() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return toMib(bytes);
    }

    /** The largest heap in use just after a collection; 0 when no collection ran. */
    static double liveMib() {
        return toMib(LIVE_MAX.get());
    }

    static long maxMib() {
        return Runtime.getRuntime().maxMemory() / 1048576;
    }

    private static synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
        Set<String> heapPools = new HashSet<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long after = 0;
                        for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            if (heapPools.contains(pool.getKey())) {
                                MemoryUsage usage = pool.getValue();
                                after += usage.getUsed();
                            }
                        }
                        LIVE_MAX.accumulateAndGet(after, Math::max);
                    }
                }, null, null);
            }
        }
    }

    private static double toMib(long bytes) {
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }
}
