package lab.client.support;

import java.net.URI;
import lab.client.api.LabApi;
import lab.server.stats.ServerStats;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;

/** A real lab-server on a free loopback port, for one test, with the figures it keeps. */
public final class TestServer implements AutoCloseable {

    private final LabServer server;
    private final LabApi api;

    private TestServer(LabServer server) {
        this.server = server;
        this.api = LabApi.connect(server.baseUrl());
    }

    public static TestServer start(int limit, String latency) {
        return start(limit, latency, 0);
    }

    public static TestServer start(int limit, String latency, double faultRate) {
        ServerConfig config = ServerConfig.defaults().withPort(0).withLimit(limit)
                .withLatency(LatencyModel.parse(latency)).withFaultRate(faultRate).withIoThreads(1);
        try {
            return new TestServer(LabServer.start(config));
        } catch (Exception e) {
            throw new IllegalStateException("could not start a lab-server: " + e, e);
        }
    }

    public LabApi api() {
        return api;
    }

    public URI base() {
        return api.base();
    }

    public String url() {
        return server.baseUrl();
    }

    public ServerStats stats() {
        return api.stats();
    }

    @Override
    public void close() {
        server.close();
    }
}
