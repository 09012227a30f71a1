package lab.client.judge;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One scenario's figures, each next to its bound: the wall time (from the first request the server
 * saw to the last line the judge read) against the best possible, {@code max(sum L / limit, max L)}
 * from the server's own figures; the first line (from the same start); how long the program took to
 * send its first request; and the server's counts. Times in milliseconds; -1 when there was nothing
 * to time (no request, no line).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Figures(String scenario, int ids, int limit, double wallMs, double boundMs, double efficiency,
                      double firstLineMs, double startupMs, double runMs, int lines, long accepted, long rejected,
                      long completed, long failed, int maxInFlight, String ending) {
}
