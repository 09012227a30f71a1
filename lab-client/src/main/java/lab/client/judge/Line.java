package lab.client.judge;

/**
 * One line of the program's stdout, as the judge read it.
 *
 * @param text     the line, without its end
 * @param atNanos  when the judge read it ({@link System#nanoTime()}): the program's own clock is not trusted
 * @param inFlight the server's requests in flight at that moment
 */
public record Line(String text, long atNanos, int inFlight) {
}
