package lab.gatling.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientTallyTest {

    @Test
    void sortsOutcomesAndTimesOnlyTheSuccessfulOnes() {
        ClientTally tally = new ClientTally();
        tally.record(200, 50_000, 1);
        tally.record(200, 150_000, 3);
        tally.record(429, 1_000, 1);
        tally.record(503, 50_000, 4);
        tally.record(0, 10, 1);
        ClientFigures f = tally.drain();
        assertThat(f.ok()).isEqualTo(2);
        assertThat(f.rejected()).isEqualTo(1);
        assertThat(f.faults()).isEqualTo(1);
        assertThat(f.errors()).isEqualTo(1);
        assertThat(f.attempts()).isEqualTo(10);
        assertThat(f.okLatency().count()).isEqualTo(2);
        assertThat(f.okLatency().max()).isBetween(149.9, 150.1);
    }

    @Test
    void drainingStartsANewWindow() {
        ClientTally tally = new ClientTally();
        tally.record(200, 50_000, 1);
        tally.drain();
        ClientFigures next = tally.drain();
        assertThat(next.outcomes()).isZero();
        assertThat(next.okLatency().count()).isZero();
    }
}
