package lab.client.hash;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * The heap's high-water mark since {@link #reset}: the sum of every heap pool's peak, in MiB. The
 * pools peak at different moments, so this is an upper bound of the heap ever in use at once; it is
 * what {@code -Xmx} has to cover.
 */
final class HeapPeak {

    private HeapPeak() {
    }

    static void reset() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    static double mib() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return Math.round(bytes / 1048576.0 * 10) / 10.0;
    }

    static long maxMib() {
        return Runtime.getRuntime().maxMemory() / 1048576;
    }
}
