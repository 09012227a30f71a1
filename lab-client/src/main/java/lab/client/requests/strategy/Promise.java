package lab.client.requests.strategy;

/**
 * What a strategy promises its caller beyond "every id gets one result". The contract test checks
 * each promise a strategy makes, against the server's figures.
 */
public enum Promise {
    /** Never more requests in flight than the concurrency it was given, so never a 429 from a limit that large. */
    STAYS_UNDER_THE_LIMIT,
    /** The results come back in the order of the ids given. */
    KEEPS_INPUT_ORDER,
    /** Each result is handed on the moment it completes: the first at about the fastest latency. */
    HANDS_ON_AS_COMPLETED,
    /** A failed id is tried again, up to the retries allowed, and only failed ids are. */
    RETRIES_ONLY_FAILURES,
    /** At the per-request timeout and at the deadline, outstanding requests are cancelled for real. */
    CANCELS_AT_THE_DEADLINE,
    /** Finds the server's limit without being told it, with few 429s after a short probe. */
    FINDS_THE_LIMIT
}
