package lab.gatling.run;

import lab.client.api.LabApi;
import lab.server.LabServer;
import lab.server.ServerConfig;
import lab.server.behavior.LatencyModel;

/**
 * The lab-server a simulation loads: by default one started in-process on 127.0.0.1 (a free port)
 * with the simulation's latency profile and fault rate; with {@code -Durl=http://127.0.0.1:PORT}, a
 * running one, whose own profile then applies (read back from its {@code /stats}).
 */
public final class LabTarget implements AutoCloseable {

    private final String baseUrl;
    private final LabServer server;

    private LabTarget(String baseUrl, LabServer server) {
        this.baseUrl = baseUrl;
        this.server = server;
    }

    /**
     * Reads {@code url}, {@code latency}, {@code faultRate}, {@code limit} and {@code seed} from the
     * parameters; the latency and fault rate are used only when the server is started here.
     */
    public static LabTarget from(Params params, String defaultLatency, double defaultFaultRate) {
        String url = params.text("url", "");
        String latency = params.text("latency", defaultLatency);
        double faultRate = params.fraction("faultRate", defaultFaultRate);
        int limit = params.integer("limit", ServerConfig.DEFAULT_LIMIT, 1);
        int seed = params.integer("seed", (int) ServerConfig.DEFAULT_SEED, 0);
        if (!url.isEmpty()) {
            if (!url.startsWith("http://127.0.0.1:")) {
                throw new IllegalArgumentException("-Durl=" + url + " is not allowed: the lab loads only http://127.0.0.1:PORT");
            }
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            LabApi.connect(base).stats(); // fails with one line if nothing answers there
            return new LabTarget(base, null);
        }
        try {
            LabServer server = LabServer.start(ServerConfig.defaults().withPort(0).withLimit(limit)
                    .withLatency(LatencyModel.parse(latency)).withFaultRate(faultRate).withSeed(seed));
            return new LabTarget(server.baseUrl(), server);
        } catch (java.net.BindException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting lab-server", e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** True when this simulation started the server itself. */
    public boolean inProcess() {
        return server != null;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
