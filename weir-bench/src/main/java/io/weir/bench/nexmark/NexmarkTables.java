package io.weir.bench.nexmark;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generator's fixed tables, drawn from {@code new SplittableRandom(seed)} in this order: a pool
 * of 1 MiB lower-case letters that {@code extra} fields are cut from, the URLs of the four hot
 * channels, then the URLs of channels {@code 0..9999} (nine in ten with a {@code channel_id}).
 * Immutable once built, and built once per seed in a JVM.
 */
final class NexmarkTables {
    private static final ConcurrentHashMap<Long, NexmarkTables> BY_SEED = new ConcurrentHashMap<>();

    static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
    static final int CHANNELS = 10_000;
    static final int EXTRA_POOL_LENGTH = 1 << 20;

    private final String extraPool;
    private final String[] hotUrls;
    /** Where channel {@code c}'s draws start; its name and URL are made on first use. */
    private final long[] channelStates;
    private final String[] channelNames = new String[CHANNELS];
    private final String[] channelUrls = new String[CHANNELS];

    /** The tables for {@code seed}, shared by all generators of the JVM. */
    static NexmarkTables forSeed(long seed) {
        return BY_SEED.computeIfAbsent(seed, NexmarkTables::new);
    }

    private NexmarkTables(long seed) {
        SplitMixRandom random = new SplitMixRandom(seed);
        byte[] pool = new byte[EXTRA_POOL_LENGTH];
        random.nextLowerCaseLetters(pool);
        extraPool = new String(pool, StandardCharsets.ISO_8859_1);
        hotUrls = new String[HOT_CHANNELS.length];
        for (int k = 0; k < hotUrls.length; k++) {
            hotUrls[k] = baseUrl(random);
        }
        // Only the draws are made here; most jobs of a few events never see most channels.
        channelStates = new long[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            channelStates[c] = random.state();
            for (int part = 0; part < 3; part++) {
                skipRandomString(random, 5);
            }
            random.nextInt(10);
        }
    }

    String hotUrl(int hotChannel) {
        return hotUrls[hotChannel];
    }

    /**
     * {@code channel-<c>}. Made on first use; a race between readers makes equal strings, and a
     * String is safely published through its final fields, so no lock is needed.
     */
    String channelName(int channel) {
        String name = channelNames[channel];
        if (name == null) {
            name = "channel-".concat(Integer.toString(channel));
            channelNames[channel] = name;
        }
        return name;
    }

    /** The channel's base URL, and with probability 9/10 a {@code channel_id}; made on first use. */
    String channelUrl(int channel) {
        String url = channelUrls[channel];
        if (url == null) {
            SplitMixRandom random = new SplitMixRandom(channelStates[channel]);
            url = baseUrl(random);
            if (random.nextInt(10) > 0) {
                url = url.concat("&channel_id=").concat(Integer.toString(Math.abs(Integer.reverse(channel))));
            }
            channelUrls[channel] = url;
        }
        return url;
    }

    /**
     * Padding that brings an event of {@code currentSize} bytes to {@code averageSize} on average:
     * a length uniform within 20% around the shortfall, cut from the pool at a random offset.
     * Empty, without drawing, when the event is already larger than the average.
     */
    String extra(SplitMixRandom random, int currentSize, int averageSize) {
        if (currentSize > averageSize) {
            return "";
        }
        int shortfall = averageSize - currentSize;
        int delta = (int) Math.round(shortfall * 0.2);
        int length = shortfall - delta + (delta == 0 ? 0 : random.nextInt(2 * delta));
        int offset = random.nextInt(EXTRA_POOL_LENGTH - length);
        return extraPool.substring(offset, offset + length);
    }

    private static String baseUrl(SplitMixRandom random) {
        StringBuilder url = new StringBuilder(64).append("https://www.nexmark.com/");
        for (int part = 0; part < 3; part++) {
            url.append(NexmarkGenerator.randomString(random, 5, '_')).append('/');
        }
        return url.append("item.htm?query=1").toString();
    }

    /** Makes the draws of {@code NexmarkGenerator.randomString(random, maxLength, any)}, without the string. */
    private static void skipRandomString(SplitMixRandom random, int maxLength) {
        int length = 3 + random.nextInt(maxLength - 3);
        for (int k = 0; k < length; k++) {
            if (random.nextInt(13) != 0) {
                random.nextInt(26);
            }
        }
    }
}
