package lab.server.behavior;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.random.RandomGenerator;

/** A fast path and a slow one (a cache miss, a GC pause): {@code slowFraction} of requests take {@code slowMs}. */
record BimodalLatency(long fastMs, long slowMs, double slowFraction) implements LatencyModel {

    BimodalLatency {
        if (!(slowFraction >= 0 && slowFraction <= 1)) {
            throw new IllegalArgumentException("bimodal slow share must be 0% to 100%, got " + slowFraction * 100 + "%");
        }
    }

    @Override
    public long drawMs(RandomGenerator random) {
        return random.nextDouble() < slowFraction ? slowMs : fastMs;
    }

    @Override
    public long medianMs() {
        return slowFraction > 0.5 ? slowMs : fastMs;
    }

    @Override
    public String spec() {
        String percent = BigDecimal.valueOf(slowFraction * 100).stripTrailingZeros().toPlainString();
        return "bimodal:" + Durations.format(Duration.ofMillis(fastMs)) + "," + Durations.format(Duration.ofMillis(slowMs)) + "@" + percent + "%";
    }
}
