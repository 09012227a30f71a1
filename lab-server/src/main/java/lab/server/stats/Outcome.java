package lab.server.stats;

/** How an accepted request left the server; decides which counter it lands in and whether it is a latency sample. */
public enum Outcome {
    /** Answered 200: counted as completed, and its time to the socket is a latency sample. */
    ANSWERED_OK,
    /** Answered with an injected 500 or 503: counted as failed, and a latency sample. */
    ANSWERED_FAULT,
    /** Never answered (a reset, a hang, a client that closed first): counted as failed, no latency sample. */
    UNANSWERED
}
