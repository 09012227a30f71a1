package lab.server.behavior;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Every whole millisecond from {@code minMs} to {@code maxMs} (both included) equally likely. */
record UniformLatency(long minMs, long maxMs) implements LatencyModel {

    UniformLatency {
        if (maxMs < minMs) {
            throw new IllegalArgumentException("uniform latency needs min <= max, got " + minMs + "ms.." + maxMs + "ms");
        }
    }

    @Override
    public long drawMs(RandomGenerator random) {
        return minMs + random.nextLong(maxMs - minMs + 1);
    }

    @Override
    public long medianMs() {
        return (minMs + maxMs) / 2;
    }

    @Override
    public String spec() {
        return "uniform:" + Durations.format(Duration.ofMillis(minMs)) + ".." + Durations.format(Duration.ofMillis(maxMs));
    }
}
