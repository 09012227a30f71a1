package lab.client.requests;

import lab.client.requests.strategy.Result;

/** One {@code --each} line: a result the moment it is handed on, {@code tMs} after the run started. */
public record ResultLine(String id, int status, int attempts, double latencyMs, double tMs) {

    static ResultLine of(Result r, double tMs) {
        return new ResultLine(r.id(), r.status(), r.attempts(), round(r.latencyMs()), round(tMs));
    }

    static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
