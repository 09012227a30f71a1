package lab.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import lab.server.behavior.BehaviorPlanner;
import lab.server.behavior.LatencyModel;
import lab.server.behavior.Overrides;
import lab.server.stats.Slot;
import org.junit.jupiter.api.Test;

/** {@code POST /stats/reset} closes one window and opens the next: nothing between them, draws that rewind or run on. */
class ResetWindowTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRequestFallsInExactlyOneWindow() throws Exception {
        // A limit of 1, held: every other admission is a rejection, counted in the window it falls in.
        EmbeddedLab lab = new EmbeddedLab(1, "fixed:1ms");
        Slot held = lab.ledger.tryAdmit();
        assertThat(held).isNotNull();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong refused = new AtomicLong();
        Thread load = Thread.ofPlatform().start(() -> {
            while (!stop.get()) {
                if (lab.ledger.tryAdmit() == null) {
                    refused.incrementAndGet();
                }
            }
        });
        EmbeddedChannel ch = lab.connect();
        long counted = 0;
        for (int i = 0; i < 5_000; i++) {
            EmbeddedLab.send(ch, "POST /stats/reset?rewind=false HTTP/1.1\r\nHost: lab\r\n\r\n");
            for (EmbeddedLab.Response r : EmbeddedLab.responses(ch)) {
                counted += JSON.readTree(r.body()).path("rejected").asLong();
            }
        }
        stop.set(true);
        load.join();
        counted += lab.stats().rejected();

        assertThat(counted).as("429s counted over all windows, against the %d the load was refused", refused.get())
                .isEqualTo(refused.get());
        assertThat(refused.get()).as("the load ran while the windows turned").isPositive();
        ch.finishAndReleaseAll();
    }

    @Test
    void aResetRewindsTheDrawsUnlessToldToRunOn() throws Exception {
        String latency = "uniform:1ms..1000ms";
        EmbeddedLab lab = new EmbeddedLab(10, latency);
        BehaviorPlanner planner = new BehaviorPlanner(LatencyModel.parse(latency), 0, 42);
        long first = planner.plan(0, Overrides.NONE).serviceMs();
        long second = planner.plan(1, Overrides.NONE).serviceMs();
        assertThat(first).as("the test needs two different draws").isNotEqualTo(second);
        EmbeddedChannel ch = lab.connect();

        assertThat(serviceMsOfOneItem(lab, ch)).isEqualTo(first);
        reset(ch, "/stats/reset");
        assertThat(serviceMsOfOneItem(lab, ch)).as("after a rewinding reset: the first draw again").isEqualTo(first);
        reset(ch, "/stats/reset?rewind=false");
        assertThat(serviceMsOfOneItem(lab, ch)).as("after a reset that runs on: the next draw").isEqualTo(second);

        EmbeddedLab.send(ch, "POST /stats/reset?rewind=maybe HTTP/1.1\r\nHost: lab\r\n\r\n");
        List<EmbeddedLab.Response> bad = EmbeddedLab.responses(ch);
        assertThat(bad).extracting(EmbeddedLab.Response::status).containsExactly(400);
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    private static long serviceMsOfOneItem(EmbeddedLab lab, EmbeddedChannel ch) throws Exception {
        EmbeddedLab.get(ch, "/api/items/1");
        lab.advance(1_000);
        List<EmbeddedLab.Response> answers = EmbeddedLab.responses(ch);
        assertThat(answers).extracting(EmbeddedLab.Response::status).containsExactly(200);
        JsonNode body = JSON.readTree(answers.get(0).body());
        return body.path("service_ms").asLong();
    }

    private static void reset(EmbeddedChannel ch, String target) {
        EmbeddedLab.send(ch, "POST " + target + " HTTP/1.1\r\nHost: lab\r\n\r\n");
        assertThat(EmbeddedLab.responses(ch)).extracting(EmbeddedLab.Response::status).containsExactly(200);
    }
}
