package lab.server.behavior;

/**
 * What one accepted request will do: wait {@code serviceMs}, then answer according to {@code fault}.
 * Even a failing request takes its service time first (a real backend fails after working, not
 * before), except a {@link Fault#HANG}, which never answers.
 */
public record Behavior(long serviceMs, Fault fault) {

    public Behavior {
        if (serviceMs < 0) {
            throw new IllegalArgumentException("service time cannot be negative: " + serviceMs);
        }
    }
}
