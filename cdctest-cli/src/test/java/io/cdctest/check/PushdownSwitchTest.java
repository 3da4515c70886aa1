package io.cdctest.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When auto stops checksumming chunks and streams the rest of the table's rows. */
class PushdownSwitchTest {

    @Test
    void fewerChunksThanTheSampleNeverSwitchHoweverManyMismatch() {
        assertThat(PushdownSwitch.toRows(0, 0)).isFalse();
        assertThat(PushdownSwitch.toRows(3, 3)).isFalse();
    }

    @Test
    void overAQuarterOfTheCheckedChunksMismatchingSwitches() {
        assertThat(PushdownSwitch.toRows(4, 4)).isTrue();
        assertThat(PushdownSwitch.toRows(4, 2)).isTrue();
        assertThat(PushdownSwitch.toRows(8, 3)).isTrue();
        assertThat(PushdownSwitch.toRows(20, 6)).isTrue();
    }

    @Test
    void aQuarterOrLessKeepsChecksumming() {
        // one cluster of differences in one chunk of the first four: the checksums still pay on the rest
        assertThat(PushdownSwitch.toRows(4, 1)).isFalse();
        assertThat(PushdownSwitch.toRows(8, 2)).isFalse();
        assertThat(PushdownSwitch.toRows(20, 5)).isFalse();
        assertThat(PushdownSwitch.toRows(20, 0)).isFalse();
    }

    @Test
    void roundsStartAtTheSampleAndDoubleUpToWhatIsLeft() {
        assertThat(rounds(20)).containsExactly(4, 4, 8, 4);
        assertThat(rounds(3)).containsExactly(3);
        assertThat(rounds(200)).containsExactly(4, 4, 8, 16, 32, 64, 72);
    }

    @Test
    void everyChunkMismatchingSwitchesAfterTheFirstRound() {
        // 1,000,000 rows in 20 chunks with 0.1 % of rows spread out: every chunk mismatches
        int checked = 0;
        int mismatching = 0;
        while (checked < 20 && !PushdownSwitch.toRows(checked, mismatching)) {
            int round = PushdownSwitch.round(checked, 20 - checked);
            checked += round;
            mismatching += round;
        }
        assertThat(checked).isEqualTo(PushdownSwitch.MIN_SAMPLE);
    }

    @Test
    void differencesStartingLateStillSwitchOnceTheyAreAQuarterOfWhatWasChecked() {
        // chunks 0..7 equal, every later one mismatching: 8 equal, then a round of 8 all mismatching
        int checked = 0;
        int mismatching = 0;
        while (checked < 40 && !PushdownSwitch.toRows(checked, mismatching)) {
            int round = PushdownSwitch.round(checked, 40 - checked);
            for (int i = checked; i < checked + round; i++) {
                mismatching += i >= 8 ? 1 : 0;
            }
            checked += round;
        }
        assertThat(checked).isEqualTo(16);
        assertThat(mismatching).isEqualTo(8);
    }

    private static List<Integer> rounds(int chunks) {
        List<Integer> rounds = new ArrayList<>();
        for (int checked = 0; checked < chunks; ) {
            int round = PushdownSwitch.round(checked, chunks - checked);
            rounds.add(round);
            checked += round;
        }
        return rounds;
    }
}
