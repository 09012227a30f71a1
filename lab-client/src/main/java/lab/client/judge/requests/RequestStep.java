package lab.client.judge.requests;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The steps of the seed's requests task, in order; each asks what the one before it asked (gather's
 * room for all aside: from {@code semaphore} on, every scenario has the limit of 10).
 */
public enum RequestStep {
    GATHER("gather", "in parallel: every id answered once, in about the slowest latency; one failure loses nothing else"),
    SEMAPHORE("semaphore", "limited: no 429 against the limit of 10, every id 200 once, efficiency at least 0.8"),
    AS_COMPLETED("as-completed", "each result printed as it arrives: the slow id last, the first line at about the fastest latency"),
    RETRY("retry", "only what failed is tried again: under a 20% fault rate every id ends 200, none that succeeded is sent again"),
    TIMEOUT("timeout", "hanging ids given up after LAB_TIMEOUT_MS and cancelled: their slots free while the program runs");

    private final String cliName;
    private final String asks;

    RequestStep(String cliName, String asks) {
        this.cliName = cliName;
        this.asks = asks;
    }

    public String cliName() {
        return cliName;
    }

    public String asks() {
        return asks;
    }

    public boolean atLeast(RequestStep other) {
        return compareTo(other) >= 0;
    }

    public static RequestStep ofCliName(String name) {
        return Arrays.stream(values()).filter(s -> s.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("bad --step '" + name + "': use " + names()));
    }

    public static String names() {
        return Arrays.stream(values()).map(RequestStep::cliName).collect(Collectors.joining(", "));
    }
}
