package lab.client.requests.strategy;

import lab.client.requests.call.Attempt;

/**
 * The final word on one id, as a strategy hands it on: the last status (0 when no response came),
 * how many attempts it took, the time from the first send to the final outcome, and the id the
 * server echoed (so a result that was paired with the wrong id shows) with the service time it drew
 * (-1 when it did not answer 200).
 */
public record Result(String id, int status, int attempts, double latencyMs, String echoedId, long serviceMs,
                     String error) {

    public static Result of(String id, Attempt last, int attempts, double latencyMs) {
        return new Result(id, last.status(), attempts, latencyMs, last.echoedId(), last.serviceMs(), last.error());
    }

    /** An id that got no answer at all: never sent, or cancelled at the deadline. */
    public static Result unanswered(String id, int attempts, double latencyMs, String why) {
        return new Result(id, Attempt.NO_RESPONSE, attempts, latencyMs, null, -1, why);
    }

    public boolean ok() {
        return status == 200;
    }
}
