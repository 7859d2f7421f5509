package io.weir.bench.nexmark;

/**
 * The SplitMix64 generator (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014) with the golden-ratio gamma: for a seed it yields the same numbers as
 * {@code new java.util.SplittableRandom(seed)} does for {@code nextInt()}, {@code nextInt(bound)},
 * {@code nextLong()} and {@code nextDouble()}, which is what the normative Nexmark generator draws
 * from. Unlike {@code SplittableRandom} it can be {@linkplain #reset reseeded}, so the generator
 * makes no object per event, and every method is small enough to inline.
 *
 * <p>Threading: not thread-safe; one instance per thread.
 */
final class SplitMixRandom {
    /** The odd gamma that {@code SplittableRandom(long)} uses: 2^64 divided by the golden ratio. */
    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    SplitMixRandom(long seed) {
        this.state = seed;
    }

    /** Starts over as {@code new SplittableRandom(seed)} would. */
    SplitMixRandom reset(long seed) {
        this.state = seed;
        return this;
    }

    /** The state to {@link #reset} a generator to so that it continues this one's sequence. */
    long state() {
        return state;
    }

    /**
     * Fills {@code out} with {@code 'a' + nextInt(26)} each, drawing exactly as that many calls
     * would; one tight loop, because the generator's tables need a million of them at startup.
     */
    void nextLowerCaseLetters(byte[] out) {
        long s = state;
        for (int k = 0; k < out.length; k++) {
            int u = mix32(s += GOLDEN_GAMMA) >>> 1;
            int r;
            while (u + 25 - (r = u % 26) < 0) {
                u = mix32(s += GOLDEN_GAMMA) >>> 1;
            }
            out[k] = (byte) ('a' + r);
        }
        state = s;
    }

    long nextLong() {
        return mix64(state += GOLDEN_GAMMA);
    }

    int nextInt() {
        return mix32(state += GOLDEN_GAMMA);
    }

    /**
     * Uniform in {@code [0, bound)}: a power of two takes the low bits, any other bound rejects the
     * few draws of the top, incomplete interval of {@code u % bound}.
     */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (int u = r >>> 1; u + m - (r = u % bound) < 0; u = nextInt() >>> 1) {
            // rejected: u fell into the last, partial interval of width bound
        }
        return r;
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Stafford's variant 13 of the 64-bit finaliser of MurmurHash3. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The 32-bit mixer: a variant of MurmurHash3's finaliser, keeping the high half. */
    static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }
}
