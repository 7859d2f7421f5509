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
    private final String[] channelNames;
    private final String[] channelUrls;

    /** The tables for {@code seed}, shared by all generators of the JVM. */
    static NexmarkTables forSeed(long seed) {
        return BY_SEED.computeIfAbsent(seed, NexmarkTables::new);
    }

    private NexmarkTables(long seed) {
        SplitMixRandom random = new SplitMixRandom(seed);
        byte[] pool = new byte[EXTRA_POOL_LENGTH];
        for (int k = 0; k < pool.length; k++) {
            pool[k] = (byte) ('a' + random.nextInt(26));
        }
        extraPool = new String(pool, StandardCharsets.ISO_8859_1);
        hotUrls = new String[HOT_CHANNELS.length];
        for (int k = 0; k < hotUrls.length; k++) {
            hotUrls[k] = baseUrl(random);
        }
        channelNames = new String[CHANNELS];
        channelUrls = new String[CHANNELS];
        for (int c = 0; c < CHANNELS; c++) {
            String url = baseUrl(random);
            if (random.nextInt(10) > 0) {
                url = url + "&channel_id=" + Math.abs(Integer.reverse(c));
            }
            channelNames[c] = "channel-" + c;
            channelUrls[c] = url;
        }
    }

    String hotUrl(int hotChannel) {
        return hotUrls[hotChannel];
    }

    String channelName(int channel) {
        return channelNames[channel];
    }

    String channelUrl(int channel) {
        return channelUrls[channel];
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
        String a = NexmarkGenerator.randomString(random, 5, '_');
        String b = NexmarkGenerator.randomString(random, 5, '_');
        String c = NexmarkGenerator.randomString(random, 5, '_');
        return "https://www.nexmark.com/" + a + '/' + b + '/' + c + "/item.htm?query=1";
    }
}
