package lab.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import lab.client.requests.RequestsCommand;
import lab.client.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The quick path reads a command line exactly as picocli does, or not at all: every line it binds
 * gives every option the value picocli gives it, and every line it is unsure of is left to picocli.
 */
class QuickArgsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "--strategy bounded",
        "--strategy streaming --impl lean --requests 500 --json",
        "--url http://127.0.0.1:9 --strategy retrying --retries 0 --concurrency 7 --each",
        "--strategy=deadline --deadline=2s --timeout=250ms --requests=20",
        "--json --strategy adaptive --impl virtual",
        "--strategy bounded --url=",
    })
    void aLineItBindsGetsPicocli_sValues(String line) throws Exception {
        String[] args = line.split(" ");
        RequestsCommand quick = new RequestsCommand();
        assertThat(QuickArgs.bind(quick, args)).as("bound quickly").isTrue();
        RequestsCommand picocli = new RequestsCommand();
        new CommandLine(picocli).parseArgs(args);
        assertThat(options(quick)).isEqualTo(options(picocli));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "--help", "--version", "-h", "--strategy bounded --help",
        "--requests 10", // --strategy is required: picocli says so
        "--strategy bounded --strategy streaming",
        "--strategy bounded --no-such-flag 3",
        "--strategy bounded positional",
        "--strategy",
        "--strategy --json",
        "--strategy bounded --requests -5",
        "--strategy bounded --requests +5",
        "--strategy bounded --requests 0x10",
        "--strategy bounded --requests 99999999999",
        "--strategy bounded --json=true",
        "--strategy bounded --timeout banana",
    })
    void aLineItIsUnsureOfIsLeftToPicocli(String line) {
        assertThat(QuickArgs.bind(new RequestsCommand(), line.split(" "))).isFalse();
    }

    @Test
    void aBadValueCaughtAfterBindingIsPicocli_sOneLineAndExitTwo() {
        // Bound quickly, refused by the command's own check: picocli reports it, as it always has.
        CliRun run = CliRun.of("requests", "--strategy", "nope");
        assertThat(run.exitCode()).isEqualTo(Cli.EXIT_BAD_FLAGS);
        assertThat(run.errLines()).containsExactly("lab-client requests: Invalid value for option '--strategy': nope (allowed: "
                + "sequential, unbounded, bounded, streaming, retrying, deadline, adaptive) (see lab-client requests --help)");
    }

    /** Every option field's value, by field name. */
    private static Map<String, Object> options(Object command) throws IllegalAccessException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : command.getClass().getDeclaredFields()) {
            if (f.isAnnotationPresent(Option.class)) {
                f.setAccessible(true);
                values.put(f.getName(), f.get(command));
            }
        }
        assertThat(values).as("the command has options").isNotEmpty();
        return values;
    }
}
