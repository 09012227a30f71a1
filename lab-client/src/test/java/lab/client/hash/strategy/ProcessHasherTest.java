package lab.client.hash.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Pbkdf2Engine;
import org.junit.jupiter.api.Test;

/**
 * The {@code processes} pipe's edges (issue 17, item 6): plaintexts of any length cross it, a
 * frozen child fails the batch instead of holding the claim for ever, and the children run the
 * parent's own JDK.
 */
class ProcessHasherTest {

    private static final Cost CHEAP = Cost.pbkdf2(10);

    @Test
    void aPlaintextLongerThan65535EncodedBytesIsHashedLikeAnyOther() {
        String huge = "p".repeat(70_000) + "密码"; // writeUTF's 2-byte length stopped at 65 535 bytes
        List<String> passwords = List.of("short", huge, "é".repeat(40_000));
        try (ProcessHasher hasher = ProcessHasher.start(CHEAP, 2, Pbkdf2Engine.pads, Duration.ZERO, Patience.at(1000))) {
            List<String> hashes = hasher.hash(passwords, n -> { });
            assertThat(hashes).hasSize(3);
            for (int i = 0; i < passwords.size(); i++) {
                assertThat(PasswordHasher.verify(passwords.get(i), hashes.get(i))).as("hash %d verifies", i).isTrue();
            }
        }
    }

    @Test
    void aFrozenChildFailsTheBatchInsteadOfHangingForEver() throws Exception {
        Patience twoSeconds = new Patience(Duration.ofSeconds(2), 1000);
        try (ProcessHasher hasher = ProcessHasher.start(CHEAP, 2, Pbkdf2Engine.jdk, Duration.ZERO, twoSeconds)) {
            assertThat(hasher.hash(List.of("a", "b", "c", "d"), n -> { })).hasSize(4);
            // Every child frozen, as children stopped by a debugger or swapped out for good. Work goes to
            // whichever child is ready, so freezing one alone would leave the batch to the other.
            List<ProcessHandle> children = hasher.processes();
            for (ProcessHandle child : children) {
                signal("STOP", child);
            }
            // The bound only keeps a broken build from hanging the suite: the hasher's own limit is 2 s.
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> assertThatThrownBy(() -> hasher.hash(List.of("a", "b", "c", "d"), n -> { }))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("no answer from the hashing children"));
            for (ProcessHandle child : children) {
                assertThat(child.onExit().get(90, java.util.concurrent.TimeUnit.SECONDS)).as("frozen child %d was killed", child.pid()).isNotNull();
            }
            assertThatThrownBy(() -> hasher.hash(List.of("e"), n -> { })).as("and the hasher stays failed")
                    .hasMessageContaining("no answer from the hashing children");
        }
    }

    @Test
    void childrenRunTheParentsOwnJavaNotThePathOne() {
        List<String> command = ProcessHasher.command(CHEAP, Pbkdf2Engine.jdk, Duration.ofMillis(500));
        assertThat(command.getFirst()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        assertThat(command).containsSubsequence("-cp", System.getProperty("java.class.path"), HashWorker.class.getName())
                .containsSubsequence("--engine", "jdk", "--warmup-ms", "500").containsSubsequence("--iterations", "10");
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, process.pid()).isZero();
    }
}
