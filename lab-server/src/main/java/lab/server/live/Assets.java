package lab.server.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The page's files, read once from the jar: the page itself, its script and style, and uPlot (the
 * charting library k6's dashboard uses, 50 KB, MIT), which comes from its WebJar, a Maven
 * dependency pinned in the parent pom like every other. Nothing is fetched from another host.
 */
final class Assets {

    /** A file as it is served. */
    record Asset(byte[] bytes, String contentType) {
    }

    private static final String OWN = "/lab/server/live/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

    private final Map<String, Asset> byPath = new LinkedHashMap<>();

    Assets() {
        add("/", OWN + "index.html", "text/html; charset=utf-8");
        add("/live/live.js", OWN + "live.js", "text/javascript; charset=utf-8");
        add("/live/live.css", OWN + "live.css", "text/css; charset=utf-8");
        String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/";
        add("/live/uPlot.iife.min.js", uplot + "dist/uPlot.iife.min.js", "text/javascript; charset=utf-8");
        add("/live/uPlot.min.css", uplot + "dist/uPlot.min.css", "text/css; charset=utf-8");
        add("/live/uPlot.LICENSE", uplot + "LICENSE", "text/plain; charset=utf-8");
    }

    /** The file served at {@code path}, or null. */
    Asset get(String path) {
        return byPath.get(path);
    }

    Iterable<String> paths() {
        return byPath.keySet();
    }

    /** The WebJar's own version file, so the version is written once, in the pom. */
    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = Assets.class.getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException("uPlot's WebJar is not on the class path (" + UPLOT_POM + ")");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private void add(String path, String resource, String contentType) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the live view's " + resource + " is missing from the jar");
            }
            byPath.put(path, new Asset(in.readAllBytes(), contentType));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
