package lab.client.tour;

import java.nio.file.Path;
import lab.client.api.LabApi;

/** What the tour gives each section: its own lab-server and a temporary folder for databases. */
public record TourContext(LabApi api, String serverUrl, String latencySpec, Path workDir) {
}
