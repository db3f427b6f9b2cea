package org.captionstudio.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.captionstudio.core.DatasetException;
import org.captionstudio.core.data.Dataset;
import org.captionstudio.core.data.DatasetFolder;
import org.captionstudio.core.data.DatasetReader;

/** How {@code train} and {@code evaluate-model} take a dataset: a folder, or a file and images. */
record DatasetArguments(Dataset dataset, Path mediaRoot) {

  /**
   * @param dataset a dataset folder, or an annotation file
   * @param images the image folder of an annotation file
   * @param seed for the validation split of a file without splits (5% of its images)
   */
  static DatasetArguments read(Path dataset, Path images, long seed) throws DatasetException {
    if (Files.isDirectory(dataset)) {
      return new DatasetArguments(DatasetFolder.read(dataset), DatasetFolder.mediaRoot(dataset));
    }
    if (images == null) {
      throw new DatasetException("Give the image folder of " + dataset + " with --images DIR.");
    }
    if (!Files.isDirectory(images)) {
      throw new DatasetException("The image folder " + images + " does not exist.");
    }
    Dataset read = DatasetReader.read(dataset, null);
    return new DatasetArguments(
        read.splitFromFile() ? read : read.withSeededSplitShares(0.05, 0.0, seed), images);
  }
}
