package lab.report.model;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Where a ramp's refusals pass a threshold: the offered rate at which the 429 fraction first
 * crosses it, linearly interpolated between the last step at or under it and the first step above.
 */
public final class Knee {

    /** One step of a ramp: the offered rate and the fraction of it refused. */
    public record Point(double offeredRps, double rejectedFraction) {
    }

    private Knee() {
    }

    /**
     * The offered rate where the refused fraction passes {@code threshold}; empty if no step passes
     * it, or if the very first one already does (the knee then lies below the ramp, unmeasured).
     */
    public static OptionalDouble find(List<Point> steps, double threshold) {
        for (int i = 0; i < steps.size(); i++) {
            Point p = steps.get(i);
            if (p.rejectedFraction() > threshold) {
                if (i == 0) {
                    return OptionalDouble.empty();
                }
                Point q = steps.get(i - 1);
                double t = (threshold - q.rejectedFraction()) / (p.rejectedFraction() - q.rejectedFraction());
                return OptionalDouble.of(q.offeredRps() + t * (p.offeredRps() - q.offeredRps()));
            }
        }
        return OptionalDouble.empty();
    }
}
