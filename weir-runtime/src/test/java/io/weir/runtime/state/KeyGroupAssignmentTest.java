package io.weir.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyGroupAssignmentTest {
    @ParameterizedTest
    @CsvSource({"128,1", "128,3", "128,4", "128,7", "128,128", "10,3", "32768,13"})
    void rangesCoverEveryKeyGroupExactlyOnceAndAgreeWithTheOwner(int maxParallelism, int parallelism) {
        int next = 0;
        for (int i = 0; i < parallelism; i++) {
            KeyGroupRange range = KeyGroupAssignment.rangeForOperator(maxParallelism, parallelism, i);
            assertEquals(next, range.start(), "ranges must be contiguous");
            for (int kg = range.start(); kg <= range.end(); kg++) {
                assertEquals(i, KeyGroupAssignment.operatorIndexForKeyGroup(maxParallelism, parallelism, kg));
            }
            next = range.end() + 1;
        }
        assertEquals(maxParallelism, next);
    }

    @ParameterizedTest
    @CsvSource({"128", "7", "1"})
    void keyGroupsAreInRangeAndSpread(int maxParallelism) {
        int[] counts = new int[maxParallelism];
        for (int key = 0; key < 100_000; key++) {
            int kg = KeyGroupAssignment.assignToKeyGroup(key, maxParallelism);
            assertTrue(kg >= 0 && kg < maxParallelism);
            counts[kg]++;
        }
        for (int c : counts) {
            assertTrue(c > 100_000 / maxParallelism / 2, "a key group got only " + c + " keys");
        }
    }

    @ParameterizedTest
    @CsvSource({"128", "1", "2", "4096", "32768"})
    void aPowerOfTwoMaxParallelismGivesTheKeyGroupOfTheModulo(int maxParallelism) {
        for (int hash = -100_000; hash < 100_000; hash += 7) {
            assertEquals(KeyGroupAssignment.murmurHash(hash) % maxParallelism,
                    KeyGroupAssignment.computeKeyGroupForKeyHash(hash, maxParallelism), "hash " + hash);
        }
        for (int hash : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1}) {
            assertEquals(KeyGroupAssignment.murmurHash(hash) % maxParallelism,
                    KeyGroupAssignment.computeKeyGroupForKeyHash(hash, maxParallelism), "hash " + hash);
        }
    }

    @org.junit.jupiter.api.Test
    void keyGroupOfAStringDependsOnlyOnItsContent() {
        assertEquals(KeyGroupAssignment.assignToKeyGroup("weir", 128),
                KeyGroupAssignment.assignToKeyGroup(new String("weir".toCharArray()), 128));
    }
}
