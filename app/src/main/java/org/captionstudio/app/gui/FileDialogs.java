package org.captionstudio.app.gui;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** What the views share about files: accepting dragged files, and asking where to export. */
public final class FileDialogs {
  private FileDialogs() {}

  /** A drag-over handler: files may be dropped (copied), anything else not. */
  public static void acceptFiles(DragEvent event) {
    if (event.getDragboard().hasFiles()) {
      event.acceptTransferModes(TransferMode.COPY);
    }
    event.consume();
  }

  /**
   * Asks where to export, e.g. ("CSV", "*.csv", "captions.csv").
   *
   * @param initialName the suggested file name, or null for none
   */
  public static Optional<Path> saveAs(
      Window owner, String kind, String pattern, String initialName) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Export " + kind);
    if (initialName != null) {
      chooser.setInitialFileName(initialName);
    }
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
    File file = chooser.showSaveDialog(owner);
    return Optional.ofNullable(file).map(File::toPath);
  }
}
