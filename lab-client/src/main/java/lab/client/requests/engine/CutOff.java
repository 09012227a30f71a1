package lab.client.requests.engine;

/**
 * A task interrupted at the deadline, with the attempts it had sent by then (the one on the wire
 * included: the server saw it), so that the run's {@code retried} matches what the server counted.
 */
final class CutOff extends InterruptedException {

    final int attempts;

    CutOff(int attempts) {
        super("cut off at the deadline after " + attempts + " attempts");
        this.attempts = attempts;
    }
}
