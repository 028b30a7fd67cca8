package io.groupdeal.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * Latencies in nanoseconds, kept by HdrHistogram (3 significant digits, resized as needed): percentiles within 0.1%
 * whatever the number of requests, and phases added up without keeping every value. Safe for several threads.
 */
public final class Latencies {

    private final Histogram histogram = new Histogram(3);

    public synchronized void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos));
    }

    public synchronized void add(Latencies other) {
        Histogram copy;
        synchronized (other) {
            copy = other.histogram.copy();
        }
        histogram.add(copy);
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    /** Milliseconds at the percentile {@code p} (0..1; 1 is the maximum), 0 when nothing was recorded. */
    public synchronized double ms(double p) {
        if (histogram.getTotalCount() == 0) {
            return 0;
        }
        return (p >= 1 ? histogram.getMaxValue() : histogram.getValueAtPercentile(100 * p)) / 1e6;
    }

    /** Nanoseconds at the percentile {@code p} (0..1; 1 is the maximum), 0 when nothing was recorded. */
    public synchronized long nanos(double p) {
        if (histogram.getTotalCount() == 0) {
            return 0;
        }
        return p >= 1 ? histogram.getMaxValue() : histogram.getValueAtPercentile(100 * p);
    }

    public synchronized double meanMs() {
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMean() / 1e6;
    }
}
