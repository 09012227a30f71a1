package lab.gatling.judge;

/** How the loaded lab-server was started, from the {@code server} block of its {@code /stats}. */
public record ServerProfile(int limit, String latency, double faultRate, long seed) {
}
