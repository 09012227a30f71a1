package lab.client.requests;

import com.fasterxml.jackson.annotation.JsonInclude;
import lab.client.requests.strategy.Result;

/**
 * One {@code --each} line: a result the moment it is handed on, {@code tMs} after the run started. A
 * result that is not a 200 also says why ({@code error}: {@code timeout}, {@code cancelled at the
 * deadline}, {@code HTTP 503}, ...), since {@code "status":0} alone does not tell a timeout from a reset.
 */
public record ResultLine(String id, int status, int attempts, double latencyMs, double tMs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    static ResultLine of(Result r, double tMs) {
        return new ResultLine(r.id(), r.status(), r.attempts(), round(r.latencyMs()), round(tMs),
                r.ok() ? null : r.error() == null ? "HTTP " + r.status() : r.error());
    }

    static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
