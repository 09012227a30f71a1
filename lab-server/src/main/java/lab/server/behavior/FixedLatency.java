package lab.server.behavior;

import java.time.Duration;
import java.util.random.RandomGenerator;

/** Every request takes the same time: the model under which bounds are easiest to check by hand. */
record FixedLatency(long ms) implements LatencyModel {

    @Override
    public long drawMs(RandomGenerator random) {
        return ms;
    }

    @Override
    public long medianMs() {
        return ms;
    }

    @Override
    public String spec() {
        return "fixed:" + Durations.format(Duration.ofMillis(ms));
    }
}
