package lab.client.judge.hash;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import lab.client.cli.Json;
import lab.client.hash.algorithm.Calibration;
import lab.client.hash.algorithm.Cost;
import lab.client.hash.algorithm.PasswordHasher;
import lab.client.hash.algorithm.Pbkdf2Engine;

/**
 * One thread's PBKDF2-HMAC-SHA256 rate at the judged cost, measured by the judge in the same run
 * (after the program's run, on a machine it no longer shares with the program), in the runtime the
 * program ran: its own Python interpreter's {@code hashlib.pbkdf2_hmac} (OpenSSL's, timed in a child
 * of that interpreter), or for a JVM the JDK's fastest engine ({@code jdk} or {@code pads}, timed in
 * the judge's JVM with {@link Calibration}, as {@code hash migrate} picks its own). One bound for
 * every language would be wrong both ways here: the JDK's {@code pads} engine is about 1.5 times
 * OpenSSL's PBKDF2 on this machine, so a Python pool would look a single thread short of the JDK's
 * bound, and a single Java thread would look like a pool against OpenSSL's. When both runtimes ran,
 * or neither (a program in another language), the faster rate the judge can measure is taken.
 * Both take rounds until the rate is steady, then the best of four timed rounds.
 *
 * @param hashesPerS one thread's hashes per second
 * @param of         which implementation, in words, for the verdict
 */
record OneThreadRate(double hashesPerS, String of) {

    /** Length of the timed part; warm-up rounds are half of it, until two agree within 2 %. */
    static final Duration MEASURE = Duration.ofMillis(600);
    private static final String SCRIPT = "one_thread_rate.py";

    static OneThreadRate measure(Runtimes runtimes, int iterations) {
        List<OneThreadRate> rates = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String python : runtimes.pythons()) {
            try {
                rates.add(python(python, iterations));
            } catch (IOException e) {
                notes.add("could not time " + python + "'s hashlib (" + e.getMessage() + ")");
            }
        }
        if (runtimes.sawJava() || rates.isEmpty()) {
            rates.add(jdk(iterations, runtimes.sawJava() ? "" : rates.isEmpty() && notes.isEmpty()
                    ? ", standing in for a runtime the judge cannot time (neither python nor java ran)" : ""));
        }
        OneThreadRate best = rates.stream().max(java.util.Comparator.comparingDouble(OneThreadRate::hashesPerS)).orElseThrow();
        if (rates.size() > 1) {
            best = new OneThreadRate(best.hashesPerS(), best.of() + ", the faster of " + rates.size() + " runtimes the program ran");
        }
        return notes.isEmpty() ? best : new OneThreadRate(best.hashesPerS(), best.of() + "; " + String.join("; ", notes));
    }

    /** The JDK's engines one after the other on this thread, the faster kept (as {@code hash migrate --engine auto} does). */
    private static OneThreadRate jdk(int iterations, String why) {
        Pbkdf2Engine fastest = null;
        double best = 0;
        for (Pbkdf2Engine engine : List.of(Pbkdf2Engine.jdk, Pbkdf2Engine.pads)) {
            double hps = Calibration.measure(PasswordHasher.of(Cost.pbkdf2(iterations), engine), MEASURE, MEASURE).hashesPerSecond();
            if (hps > best) {
                best = hps;
                fastest = engine;
            }
        }
        return new OneThreadRate(best, String.format(Locale.ROOT, "the JDK's PBKDF2 (engine %s, the faster of jdk and pads; JDK %s)%s",
                fastest, Runtime.version().feature(), why));
    }

    /** {@code python -c one_thread_rate.py ITERATIONS SECONDS}: the interpreter times itself, so its start-up is not counted. */
    private static OneThreadRate python(String python, int iterations) throws IOException {
        String script;
        try (InputStream in = OneThreadRate.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException("the judge's " + SCRIPT + " is missing from its jar");
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Process p = new ProcessBuilder(python, "-c", script, Integer.toString(iterations),
                String.format(Locale.ROOT, "%.3f", MEASURE.toMillis() / 1000.0)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("it did not print a rate");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        JsonNode rate = Json.MAPPER.readTree(new String(out, StandardCharsets.UTF_8));
        return new OneThreadRate(rate.get("hashes_per_s").asDouble(), String.format(Locale.ROOT,
                "the program's own Python, %s %s: hashlib.pbkdf2_hmac (%s)", python, rate.get("python").asText(), rate.get("library").asText()));
    }
}
