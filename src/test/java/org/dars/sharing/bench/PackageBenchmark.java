package org.dars.sharing.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.dars.sharing.PackageBenchmarkSupport;
import org.dars.storage.Sha256;

/**
 * Export and import of a release package of {@code -Dbench.mib} MiB (default 1024) in
 * {@code -Dbench.blobs} blobs (default 8) of incompressible data, through the same
 * {@code PackageWriter}/{@code PackageReader} and {@code FileBlobStore} the server uses. Reports
 * MB/s and the peak heap (sum of the heap pools' peak usage). Run with the heap capped:
 * see docs/package-format.md for the command.
 */
public final class PackageBenchmark {
  public static void main(String[] args) throws IOException {
    long mib = Long.getLong("bench.mib", 1024);
    int count = Integer.getInteger("bench.blobs", 8);
    Path dir = Files.createTempDirectory("dars-package-bench");
    try {
      PackageBenchmarkSupport support = new PackageBenchmarkSupport(dir.resolve("sender"));
      Map<Sha256, Long> blobs = new LinkedHashMap<>();
      long each = mib * 1024 * 1024 / count;
      for (int i = 0; i < count; i++) {
        blobs.put(support.addBlob(new RandomStream(each, 1000 + i)), each);
      }
      long total = each * count;
      resetPeaks();
      Path pkg = dir.resolve("release.zip");
      long t0 = System.nanoTime();
      support.export(blobs, pkg);
      double exportSeconds = (System.nanoTime() - t0) / 1e9;
      long exportPeak = peakHeap();
      resetPeaks();
      long t1 = System.nanoTime();
      int imported = support.importInto(pkg, dir.resolve("receiver"));
      double importSeconds = (System.nanoTime() - t1) / 1e9;
      long importPeak = peakHeap();
      System.out.printf(Locale.ROOT, "Release of %d MiB in %d blobs, package %d bytes, max heap %d MiB%n", mib, count,
          Files.size(pkg), Runtime.getRuntime().maxMemory() >> 20);
      System.out.printf(Locale.ROOT, "export: %.1f s, %.0f MB/s, peak heap %d MiB%n", exportSeconds, total / 1e6 / exportSeconds, exportPeak >> 20);
      System.out.printf(Locale.ROOT, "import (verify signature + every SHA-256, stage, commit %d blobs): %.1f s, %.0f MB/s, peak heap %d MiB%n",
          imported, importSeconds, total / 1e6 / importSeconds, importPeak >> 20);
      long gcs = ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
      System.out.printf(Locale.ROOT, "GC collections: %d%n", gcs);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  /** Incompressible bytes, generated on the fly. */
  private static final class RandomStream extends InputStream {
    private final SplittableRandom random;
    private long remaining;

    RandomStream(long size, long seed) {
      this.remaining = size;
      this.random = new SplittableRandom(seed);
    }

    @Override
    public int read() {
      if (remaining == 0) {
        return -1;
      }
      remaining--;
      return random.nextInt(256);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(len, remaining);
      for (int i = 0; i < n; i += 8) {
        long v = random.nextLong();
        for (int j = 0; j < 8 && i + j < n; j++) {
          b[off + i + j] = (byte) (v >>> (j * 8));
        }
      }
      remaining -= n;
      return n;
    }
  }
}
