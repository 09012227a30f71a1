package lab.gatling.freshclone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./lab} front door as a new user meets it: a copy of the working tree with no {@code target/}
 * folders, a local Maven repository that holds none of the lab's own artifacts (every other one is linked
 * from the build's repository, so nothing is downloaded again), and commands typed from a folder outside
 * the repository. It lives in the gatling module because that one comes last in the reactor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class FreshCloneTest {

    @TempDir
    static Path temp;

    private Path clone;
    private Path elsewhere;
    private Path localRepository;

    @BeforeAll
    void copyTheTree() throws IOException {
        Path root = Path.of(required("lab.root"));
        clone = temp.resolve("clone");
        copyTree(root, clone);
        elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        localRepository = Files.createDirectories(temp.resolve("m2"));
        try (Stream<Path> groups = Files.list(Path.of(required("lab.localRepository")))) {
            for (Path group : groups.toList()) {
                // The lab's own group (lab:lab-server, its test jar, ...) stays out: a fresh clone has none.
                if (!group.getFileName().toString().equals("lab")) {
                    Files.createSymbolicLink(localRepository.resolve(group.getFileName()), group);
                }
            }
        }
    }

    @Test
    void gatlingReportWorksWithNothingInstalled() throws Exception {
        Run run = lab("gatling-report");
        assertThat(run.exitCode()).as("./lab gatling-report on a fresh clone:\n%s", run.output()).isZero();
        // From the committed raw files alone: the committed tables, byte for byte.
        assertThat(clone.resolve("results/gatling/knee.md"))
                .hasSameBinaryContentAs(Path.of(required("lab.root"), "results/gatling/knee.md"));
    }

    @Test
    void relativePathsLandInTheCallersFolder() throws Exception {
        Run run = lab("client", "hash", "seed", "--db", "here.db", "--users", "3", "--export", "here.csv");
        assertThat(run.exitCode()).as("./lab client hash seed:\n%s", run.output()).isZero();
        assertThat(elsewhere.resolve("here.db")).as("the database, relative to where ./lab was called").exists();
        assertThat(elsewhere.resolve("here.csv")).as("the export, relative to where ./lab was called").exists();
        assertThat(clone.resolve("here.db")).doesNotExist();
        assertThat(clone.resolve("here.csv")).doesNotExist();
    }

    private Run lab(String... args) throws Exception {
        Path log = Files.createTempFile(temp, "lab", ".log");
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(clone.resolve("lab").toString()), Stream.of(args)).toList())
                .directory(elsewhere.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Maven 3.9 reads extra arguments from MAVEN_ARGS: the private local repository.
        pb.environment().put("MAVEN_ARGS", "-Dmaven.repo.local=" + localRepository);
        Process p = pb.start();
        if (!p.waitFor(8, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("./lab " + String.join(" ", args) + " did not end within 8 minutes:\n" + Files.readString(log));
        }
        return new Run(p.exitValue(), Files.readString(log));
    }

    private record Run(int exitCode, String output) {
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set: run through Maven (gatling/pom.xml sets it)");
        }
        return value;
    }

    /** The working tree without build output or Git's folder: what a clone holds, plus uncommitted edits. */
    private static void copyTree(Path from, Path to) throws IOException {
        List<String> skipped = List.of("target", ".git");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path rel = from.relativize(path);
                boolean skip = false;
                for (Path part : rel) {
                    skip |= skipped.contains(part.toString());
                }
                if (skip) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
