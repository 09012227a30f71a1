package lab.client.support;

import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jetbrains.kotlinx.lincheck.Actor;
import org.jetbrains.kotlinx.lincheck.execution.ExecutionScenario;
import org.jetbrains.lincheck.LincheckAssertionError;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * Lincheck's model checker as the lab's tests use it. Lincheck runs the operations of a model class
 * on a few threads, takes over the scheduler, explores their interleavings (switching threads at
 * every shared read, write, lock and park) and checks each result against a sequential
 * specification. Its randomness is fixed: scenarios and interleavings come from a generator seeded
 * with 0 inside Lincheck, so a run explores the same interleavings every time.
 */
public final class ModelCheck {

    /** Where a check of a deliberately wrong model starts its answer: Lincheck's own report heading. */
    public static final String INTERLEAVING_HEADING = "The following interleaving leads to the error:";

    private ModelCheck() {
    }

    /** The lab's bounds: few scenarios and invocations, so every model check takes seconds, not minutes. */
    public static ModelCheckingOptions options(int iterations, int invocationsPerIteration) {
        return new ModelCheckingOptions()
                .iterations(iterations)
                .invocationsPerIteration(invocationsPerIteration);
    }

    /**
     * Runs a check that must fail and returns Lincheck's report: the results that no sequential order
     * explains, then the interleaving that produced them.
     */
    public static String failureOf(ModelCheckingOptions options, Class<?> model, String whatMustBreak) {
        try {
            options.check(model);
        } catch (LincheckAssertionError e) {
            return e.getMessage();
        }
        return fail("the model checker found no interleaving in which " + whatMustBreak
                + " (" + model.getSimpleName() + "): the test cannot tell it from the reference");
    }

    /** Lincheck's report without its detailed trace: the results table and the interleaving, as a reader needs them. */
    public static String shortReport(String report) {
        int detailed = report.indexOf("\nDetailed trace:");
        String head = detailed < 0 ? report : report.substring(0, detailed);
        return head.strip() + "\n";
    }

    /** Lincheck's version, from its jar's manifest. */
    public static String lincheckVersion() {
        String version = LincheckAssertionError.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /**
     * A fixed scenario: operations (a method name, then its arguments, then the next name...) before the
     * threads start, on each thread, and after they all end. Fixed scenarios are how a blocking
     * structure is model-checked: a generated scenario would have more takes than puts and hang the
     * correct buffer too.
     */
    public static Scenario scenario(Class<?> model) {
        return new Scenario(model);
    }

    /** Builds an {@link ExecutionScenario} from method names, for Java callers of Lincheck's Kotlin DSL. */
    public static final class Scenario {
        private final Class<?> model;
        private final List<Actor> initial = new ArrayList<>();
        private final List<List<Actor>> threads = new ArrayList<>();
        private final List<Actor> post = new ArrayList<>();

        private Scenario(Class<?> model) {
            this.model = model;
        }

        public Scenario before(Object... calls) {
            initial.addAll(actors(calls));
            return this;
        }

        public Scenario thread(Object... calls) {
            threads.add(actors(calls));
            return this;
        }

        public Scenario after(Object... calls) {
            post.addAll(actors(calls));
            return this;
        }

        public ExecutionScenario build() {
            return new ExecutionScenario(initial, threads, post, null);
        }

        private List<Actor> actors(Object... calls) {
            List<Actor> actors = new ArrayList<>();
            int i = 0;
            while (i < calls.length) {
                String name = (String) calls[i++];
                Method method = Arrays.stream(model.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(model.getSimpleName() + " has no operation " + name));
                Object[] args = Arrays.copyOfRange(calls, i, i + method.getParameterCount());
                i += method.getParameterCount();
                actors.add(new Actor(method, List.of(args), false, false, false, false, false));
            }
            return actors;
        }
    }
}
