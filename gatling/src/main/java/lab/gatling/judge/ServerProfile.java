package lab.gatling.judge;

import lab.server.http.ServerDescription;

/**
 * How the loaded lab-server was started, as a run's raw file records it: the part of {@code /stats}'
 * {@code server} block ({@link ServerDescription}) that decides the figures.
 */
public record ServerProfile(int limit, String latency, double faultRate, long seed) {

    public static ServerProfile of(ServerDescription server) {
        return new ServerProfile(server.limit(), server.latency(), server.faultRate(), server.seed());
    }
}
