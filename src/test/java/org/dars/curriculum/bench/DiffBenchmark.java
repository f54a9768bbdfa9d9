package org.dars.curriculum.bench;

import java.util.Arrays;
import java.util.Locale;
import org.dars.curriculum.BenchmarkSupport;

/**
 * Publishing and diffing a 5,000-entry curriculum (50 modules × 10 lessons × 10 entries), without
 * a server: publishing here is the draft's JSON read, resolution of every entry and the release's
 * JSON written; the diff reads two stored releases, compares and renders them. Run with
 * {@code mvn test-compile exec:java -Dexec.mainClass=org.dars.curriculum.bench.DiffBenchmark}.
 */
public final class DiffBenchmark {
  private static final int WARMUP = 10;
  private static final int RUNS = 30;

  private DiffBenchmark() {}

  public static void main(String[] args) {
    BenchmarkSupport b = new BenchmarkSupport(42);
    long t0 = System.nanoTime();
    b.build(50, 10, 10);
    System.out.printf(Locale.ROOT, "Built a draft of %d entries in %.1f ms%n", b.entries(), ms(System.nanoTime() - t0));

    String[] release10 = new String[1];
    double[] publish = measure(() -> release10[0] = b.publish());
    System.out.printf(Locale.ROOT, "Publish 1.0 (read draft, resolve %d entries, write release, %d KB): median %.1f ms, max %.1f ms%n",
        b.entries(), release10[0].length() / 1024, median(publish), max(publish));

    b.change(500, 100, 50, 100, 100);
    String release11 = b.publish();
    int[] changes = new int[1];
    double[] diff = measure(() -> changes[0] = b.diff(release10[0], release11));
    System.out.printf(Locale.ROOT, "Diff 1.0 → 1.1 (%d entries, %d lines and content changes): median %.1f ms, max %.1f ms%n",
        b.entries(), changes[0], median(diff), max(diff));
  }

  private static double[] measure(Runnable r) {
    for (int i = 0; i < WARMUP; i++) {
      r.run();
    }
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t = System.nanoTime();
      r.run();
      times[i] = ms(System.nanoTime() - t);
    }
    Arrays.sort(times);
    return times;
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  private static double max(double[] sorted) {
    return sorted[sorted.length - 1];
  }
}
