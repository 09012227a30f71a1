package lab.gatling.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims a simulation makes about its run, judged from the server's figures once the load is
 * over. Each claim becomes a Gatling request of its own ({@code verdict: NAME}, a read of
 * {@code /stats} whose check is the claim), so that Gatling's assertions, its console and its HTML
 * report show it, and a false claim fails the run with exit code 1 after the report is written.
 */
public final class Verdict {

    /** One claim with the figures that decide it, written so that a failure says what went wrong. */
    public record Claim(String name, boolean holds, String detail) {
    }

    private final Map<String, Claim> claims = new ConcurrentHashMap<>();
    private final List<Claim> inOrder = new ArrayList<>();

    public synchronized void judge(String name, boolean holds, String detail) {
        Claim claim = new Claim(name, holds, detail);
        claims.put(name, claim);
        inOrder.add(claim);
        System.out.println("[lab] " + (holds ? "PASS " : "FAIL ") + name + ": " + detail);
    }

    /** True only for a claim that was judged and holds. */
    public boolean holds(String name) {
        Claim claim = claims.get(name);
        return claim != null && claim.holds();
    }

    public synchronized List<Claim> claims() {
        return List.copyOf(inOrder);
    }
}
