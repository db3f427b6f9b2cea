package org.captionstudio.vision.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.captionstudio.core.CaptioningException;
import org.captionstudio.core.MediaDecodeException;
import org.captionstudio.vision.image.DecodedImage;
import org.captionstudio.vision.image.ImageDecoder;
import org.captionstudio.vision.image.ImageFiles;

/**
 * A folder of frame images as a clip: the image files directly in it (not in subfolders, hidden
 * files left out), in name order with runs of digits compared as numbers ({@code frame2.png} before
 * {@code frame10.png}), frame {@code k} shown at {@code k / frameRate} seconds. Images are decoded
 * only when a frame is kept, by the project's {@link ImageDecoder}.
 */
final class FolderSource implements FrameSource {
  /** Name order with digit runs compared by value. */
  static final Comparator<Path> NAME_ORDER =
      Comparator.comparing((Path p) -> p.getFileName().toString(), FolderSource::compareNatural)
          .thenComparing(p -> p.getFileName().toString());

  private final String name;
  private final List<Path> files;
  private final DecodeGuard guard;
  private final ImageDecoder decoder;
  private final ClipHeader header;
  private int index = -1;
  private int cachedIndex = -1;
  private DecodedImage cached;

  private FolderSource(
      String name, List<Path> files, DecodeGuard guard, ImageDecoder decoder, ClipHeader header) {
    this.name = name;
    this.files = files;
    this.guard = guard;
    this.decoder = decoder;
    this.header = header;
  }

  /** The frame images of {@code folder}, in clip order. */
  static List<Path> frameFiles(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .filter(ImageFiles::hasImageName)
          .sorted(NAME_ORDER)
          .toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static FolderSource open(
      Path folder,
      String name,
      double frameRate,
      VideoLimits limits,
      DecodeGuard guard,
      ImageDecoder decoder)
      throws CaptioningException {
    List<Path> files;
    try {
      files = frameFiles(folder);
    } catch (IOException e) {
      throw new MediaDecodeException(
          "The folder " + name + " cannot be read: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new MediaDecodeException(
          "The folder " + name + " holds no frame images (JPEG, PNG, …), so it is not a clip.");
    }
    if (files.size() > limits.maxFolderFrames()) {
      throw new MediaDecodeException(
          String.format(
              Locale.ROOT,
              "The folder %s holds %,d frame images, more than the limit of %,d for a clip.",
              name,
              files.size(),
              limits.maxFolderFrames()));
    }
    DecodedImage first = null;
    MediaDecodeException firstProblem = null;
    for (int i = 0; i < Math.min(files.size(), 10) && first == null; i++) {
      guard.check();
      try {
        first = decoder.decode(files.get(i));
      } catch (MediaDecodeException e) {
        firstProblem = firstProblem == null ? e : firstProblem;
      }
    }
    if (first == null) {
      throw new MediaDecodeException(
          "The frames in the folder " + name + " cannot be read: " + firstProblem.getMessage(),
          firstProblem);
    }
    ClipHeader header =
        new ClipHeader(
            "frame folder",
            "images",
            first.width(),
            first.height(),
            frameRate,
            files.size() / frameRate);
    return new FolderSource(name, files, guard, decoder, header);
  }

  @Override
  public ClipHeader header() {
    return header;
  }

  @Override
  public SourceFrame next() throws CaptioningException {
    guard.check();
    if (index + 1 >= files.size()) {
      return null;
    }
    index++;
    guard.progress();
    return new FileFrame(index);
  }

  @Override
  public boolean seek(double seconds) {
    long first = (long) Math.ceil(seconds * header.frameRate() - 1e-9);
    index = (int) Math.max(-1, Math.min(files.size() - 1, first - 1));
    return true;
  }

  @Override
  public boolean seeksCheaply() {
    return true;
  }

  @Override
  public void close() {
    cached = null;
  }

  private DecodedImage decode(int at) throws MediaDecodeException {
    if (cachedIndex != at) {
      cached = decoder.decode(files.get(at));
      cachedIndex = at;
    }
    return cached;
  }

  /** Frame {@code at}: its file, decoded on demand. */
  private final class FileFrame implements SourceFrame {
    private final int at;

    FileFrame(int at) {
      this.at = at;
    }

    @Override
    public double time() {
      return at / header.frameRate();
    }

    @Override
    public boolean damaged() {
      return false;
    }

    @Override
    public boolean keyFrame() {
      return true;
    }

    @Override
    public DecodedImage image(int maxSide) throws MediaDecodeException {
      DecodedImage image = decode(at);
      int longSide = Math.max(image.width(), image.height());
      if (longSide <= maxSide) {
        return image;
      }
      double scale = (double) maxSide / longSide;
      int width = Math.max(1, (int) Math.round(image.width() * scale));
      int height = Math.max(1, (int) Math.round(image.height() * scale));
      return DecodedImage.of(
          name + "/" + files.get(at).getFileName(),
          image.format(),
          width,
          height,
          shrink(image.rgb(), image.width(), image.height(), width, height),
          image.warnings());
    }

    @Override
    public byte[] thumbnail(int width, int height) throws MediaDecodeException {
      DecodedImage image = decode(at);
      return shrink(image.rgb(), image.width(), image.height(), width, height);
    }
  }

  /** Packed RGB resized by area averaging. */
  static byte[] shrink(byte[] rgb, int width, int height, int toWidth, int toHeight) {
    try (BytePointer pixels = new BytePointer(rgb);
        Mat source = new Mat(height, width, CV_8UC3, pixels);
        Mat target = new Mat();
        Size size = new Size(toWidth, toHeight)) {
      resize(source, target, size, 0, 0, INTER_AREA);
      byte[] out = new byte[toWidth * toHeight * 3];
      target.data().get(out);
      return out;
    }
  }

  /** Compares names with each run of digits taken as a number; ties fall back to case. */
  static int compareNatural(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char ca = a.charAt(i);
      char cb = b.charAt(j);
      if (Character.isDigit(ca) && Character.isDigit(cb)) {
        int ei = i;
        int ej = j;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String da = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String db = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int byValue =
            da.length() != db.length()
                ? Integer.compare(da.length(), db.length())
                : da.compareTo(db);
        if (byValue != 0) {
          return byValue;
        }
        i = ei;
        j = ej;
      } else {
        int byChar = Character.compare(Character.toLowerCase(ca), Character.toLowerCase(cb));
        if (byChar != 0) {
          return byChar;
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
