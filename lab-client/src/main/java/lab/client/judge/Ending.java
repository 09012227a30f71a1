package lab.client.judge;

/**
 * How a program's run ended: on its own with an exit code, or killed by the judge because it
 * outlived its time limit or printed a line it should not.
 *
 * @param kind        what happened
 * @param exitCode    the exit code (on its own), or what the kill left
 * @param badLine     the line it should not have printed (for {@link Kind#BAD_LINE}), else null
 * @param why         what is wrong with that line, or why the judge killed it ({@link Kind#KILLED})
 * @param killed      how many processes of its tree the judge killed (0 when none was left)
 */
public record Ending(Kind kind, int exitCode, String badLine, String why, int killed) {

    public enum Kind {
        /** Exited on its own; {@code exitCode} says how. */
        EXITED,
        /** Still running at the time limit: killed with its whole process tree. */
        OVERRAN,
        /** Printed a line it should not: killed with its whole process tree at once. */
        BAD_LINE,
        /** Killed on purpose by the judge mid-run (SIGKILL of its whole tree), as a crash: {@code why} says when. */
        KILLED
    }

    public boolean clean() {
        return kind == Kind.EXITED && exitCode == 0;
    }
}
