package lab.report.model;

/**
 * Erlang's loss formula: the probability that an arrival finds all {@code c} slots busy when
 * requests arrive at random (Poisson) with an offered load of {@code a = arrival rate x mean
 * service time} (in Erlangs) and a refused request is lost, not queued: lab-server's 429. It
 * depends on the service times only through their mean, so it predicts the 429 rate of the
 * open-model ramp for every latency profile. For 10 slots, 1% of arrivals are refused at
 * a = 4.46, that is at 45% of Little's bound of 10 / mean(L).
 */
public final class ErlangB {

    private ErlangB() {
    }

    /** B(c, a), by the stable recurrence B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)). */
    public static double blocking(int c, double a) {
        if (c < 1 || !(a >= 0)) {
            throw new IllegalArgumentException("need c >= 1 and a >= 0, got c=" + c + ", a=" + a);
        }
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** The offered load (Erlangs) at which B(c, a) = p, by bisection: B rises with a. */
    public static double loadAt(int c, double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must lie strictly between 0 and 1, got " + p);
        }
        double lo = 0;
        double hi = c;
        while (blocking(c, hi) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            if (blocking(c, mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
