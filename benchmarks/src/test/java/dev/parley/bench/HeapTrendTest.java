package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the soak calls the heap growing: a floor that keeps rising, not noise or a single peak. */
class HeapTrendTest {

    private static HeapTrend.Figures of(long... mb) {
        List<HeapTrend.Sample> s = new ArrayList<>();
        for (int i = 0; i < mb.length; i++) {
            s.add(new HeapTrend.Sample(i * 15.0, mb[i]));
        }
        return new HeapTrend.Figures(s);
    }

    @Test
    void aFloorThatKeepsRisingIsGrowth() {
        HeapTrend.Figures f = of(40, 52, 61, 75, 83, 96, 104, 118, 125);
        assertTrue(f.growing(), f.toString());
        assertTrue(f.slopeMbPerMinute() > 30);
    }

    @Test
    void noiseAndPeaksAroundAFlatFloorAreStable() {
        assertFalse(of(40, 55, 38, 61, 42, 39, 70, 41, 44).growing());
        assertFalse(of(35, 36, 35, 37, 36, 38, 37, 36, 37).growing());
    }

    @Test
    void aSmallHeapMayGrowByTheToleranceBeforeItCounts() {
        assertFalse(of(30, 31, 32, 40, 42, 44, 45, 46, 46).growing(), "floor up 13 MB");
        assertTrue(of(30, 31, 32, 40, 42, 44, 49, 50, 51).growing(), "floor up 17 MB");
    }

    @Test
    void tooFewSamplesGiveNoVerdict() {
        HeapTrend.Figures f = of(10, 100, 200);
        assertFalse(f.enoughSamples());
        assertFalse(f.growing());
    }
}
