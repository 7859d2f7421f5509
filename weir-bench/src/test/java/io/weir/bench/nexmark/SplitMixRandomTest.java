package io.weir.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMixRandomTest {
    private static final int[] BOUNDS = {1, 2, 3, 4, 5, 6, 9, 10, 11, 13, 26, 100, 1010, 10_000, 1 << 20,
            (1 << 30) + 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};

    @Test
    void drawsTheSameNumbersAsSplittableRandomInAnyMix() {
        SplitMixRandom ours = new SplitMixRandom(0);
        for (long seed = -50; seed < 50; seed++) {
            long mixed = SplitMixRandom.mix64(seed * 0x9E3779B97F4A7C15L);
            SplittableRandom jdk = new SplittableRandom(mixed);
            ours.reset(mixed);
            for (int draw = 0; draw < 2_000; draw++) {
                switch (draw % 4) {
                    case 0 -> assertEquals(jdk.nextInt(), ours.nextInt());
                    case 1 -> assertEquals(jdk.nextLong(), ours.nextLong());
                    case 2 -> assertEquals(jdk.nextDouble(), ours.nextDouble());
                    default -> {
                        int bound = BOUNDS[(draw / 4) % BOUNDS.length];
                        assertEquals(jdk.nextInt(bound), ours.nextInt(bound), "bound " + bound);
                    }
                }
            }
        }
    }

    @Test
    void lowerCaseLettersAreTheDrawsOfNextInt26() {
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom jdk = new SplittableRandom(seed);
            SplitMixRandom ours = new SplitMixRandom(seed);
            byte[] letters = new byte[10_000];
            ours.nextLowerCaseLetters(letters);
            for (byte letter : letters) {
                assertEquals('a' + jdk.nextInt(26), letter);
            }
            assertEquals(jdk.nextLong(), ours.nextLong(), "the sequence continues where the letters ended");
        }
    }

    @Test
    void aGeneratorResetToAnothersStateContinuesItsSequence() {
        SplitMixRandom first = new SplitMixRandom(99);
        first.nextInt(7);
        SplitMixRandom second = new SplitMixRandom(0).reset(first.state());
        assertEquals(first.nextLong(), second.nextLong());
    }

    @Test
    void rejectsBoundsBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new SplitMixRandom(1).nextInt(0));
    }
}
