package lab.client.cli;

import lab.server.http.RecordJson;
import lab.server.stats.Percentiles;

/**
 * One compact line for a record: the bytes {@link Json#line} prints, without building its mapper
 * (a class of its own, since calling a method of {@link Json} would build it). What {@code requests}
 * prints, whose cold start is measured against the seed's asyncio answer; see {@link RecordJson}.
 */
public final class RecordLines {

    private static final RecordJson WRITER = RecordJson.writer().leaving(Percentiles.class, "count", "mean");

    private RecordLines() {
    }

    public static String of(Record value) {
        return WRITER.line(value);
    }
}
