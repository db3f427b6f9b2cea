package org.captionstudio.core.features;

import java.nio.file.Path;

/**
 * A stand-in extraction for {@link FeatureStoreKillTest}, run in its own JVM so that it can be
 * killed: creates or resumes a store of {@link SyntheticFeatures#SMALL_FP32} items and appends
 * item-0 .. item-(count-1), printing "appended N" after each and pausing between them.
 *
 * <p>Arguments: store folder, item count, items per chunk, pause in milliseconds.
 */
public final class SlowExtraction {
  private SlowExtraction() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int count = Integer.parseInt(args[1]);
    int chunkItems = Integer.parseInt(args[2]);
    long pauseMillis = Long.parseLong(args[3]);
    FeatureStoreHeader header = SyntheticFeatures.SMALL_FP32;
    try (FeatureStoreWriter writer = FeatureStoreWriter.create(dir, header, chunkItems)) {
      for (int i = 0; i < count; i++) {
        String id = SyntheticFeatures.id(i);
        writer.append(id, SyntheticFeatures.of(id, header.valuesPerItem()));
        System.out.println("appended " + i);
        System.out.flush();
        if (pauseMillis > 0) {
          Thread.sleep(pauseMillis);
        }
      }
    }
    System.out.println("done");
  }
}
