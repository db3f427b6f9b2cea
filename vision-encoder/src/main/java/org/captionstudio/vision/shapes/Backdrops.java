package org.captionstudio.vision.shapes;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Textured backgrounds, distractor clutter and pixel noise. Backgrounds use only dark, muted
 * colours, each far from every object {@link Colour}; clutter (thin lines, dots, specks) is never a
 * shape and no caption mentions it.
 */
final class Backdrops {
  /** The background textures. */
  enum Kind {
    GRADIENT,
    STRIPES,
    CHECKER,
    BLOTCHES;

    /** The name ground truth uses, e.g. "stripes". */
    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The background colours; a test keeps them far from every object colour. */
  static final int[][] PALETTE = {
    {28, 28, 36},
    {48, 40, 34},
    {30, 48, 44},
    {26, 36, 60},
    {52, 34, 52},
    {58, 58, 44},
    {40, 52, 32},
    {64, 44, 40},
    {18, 18, 18},
    {44, 56, 66},
  };

  /** Pixel noise: each channel moves by up to this much, triangularly distributed. */
  static final int NOISE = 15;

  private Backdrops() {}

  /** Paints a background and clutter over the whole image and says which texture it chose. */
  static Kind paint(BufferedImage image, SplittableRandom random) {
    int side = image.getWidth();
    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
    int first = random.nextInt(PALETTE.length);
    int second = (first + 1 + random.nextInt(PALETTE.length - 1)) % PALETTE.length;
    Color a = color(PALETTE[first]);
    Color b = color(PALETTE[second]);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(a);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      switch (kind) {
        case GRADIENT -> gradient(g, side, a, b, random);
        case STRIPES -> stripes(g, side, b, random);
        case CHECKER -> checker(g, side, b, random);
        case BLOTCHES -> blotches(g, side, a, b, random);
      }
      clutter(g, side, random);
    } finally {
      g.dispose();
    }
    return kind;
  }

  /** Adds pixel noise to a {@code TYPE_3BYTE_BGR} image. */
  static void addNoise(BufferedImage image, SplittableRandom random) {
    byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    long bits = 0;
    for (int i = 0; i < data.length; i++) {
      if (i % 8 == 0) {
        bits = random.nextLong();
      }
      int step = (int) (bits & 0xFF);
      bits >>>= 8;
      int noise = ((step & 0x0F) + (step >>> 4) - 15) * NOISE / 15;
      int value = (data[i] & 0xFF) + noise;
      data[i] = (byte) Math.max(0, Math.min(255, value));
    }
  }

  private static void gradient(Graphics2D g, int side, Color a, Color b, SplittableRandom random) {
    double angle = random.nextDouble(2 * Math.PI);
    double cx = side / 2.0;
    double half = side / 2.0;
    g.setPaint(
        new GradientPaint(
            (float) (cx - half * Math.cos(angle)),
            (float) (cx - half * Math.sin(angle)),
            a,
            (float) (cx + half * Math.cos(angle)),
            (float) (cx + half * Math.sin(angle)),
            b));
    g.fillRect(0, 0, side, side);
  }

  private static void stripes(Graphics2D g, int side, Color b, SplittableRandom random) {
    int width = 3 + random.nextInt(Math.max(2, side / 16));
    AffineTransform saved = g.getTransform();
    g.rotate(random.nextDouble(Math.PI), side / 2.0, side / 2.0);
    g.setColor(b);
    for (int x = -side; x < 2 * side; x += 2 * width) {
      g.fillRect(x, -side, width, 3 * side);
    }
    g.setTransform(saved);
  }

  private static void checker(Graphics2D g, int side, Color b, SplittableRandom random) {
    int cell = 5 + random.nextInt(Math.max(2, side / 12));
    AffineTransform saved = g.getTransform();
    g.rotate(random.nextDouble(Math.PI / 2), side / 2.0, side / 2.0);
    g.setColor(b);
    for (int row = -side / cell - 1; row <= 2 * side / cell + 1; row++) {
      for (int col = -side / cell - 1; col <= 2 * side / cell + 1; col++) {
        if (((row + col) & 1) == 0) {
          g.fillRect(col * cell, row * cell, cell, cell);
        }
      }
    }
    g.setTransform(saved);
  }

  private static void blotches(Graphics2D g, int side, Color a, Color b, SplittableRandom random) {
    int cells = 4 + random.nextInt(6);
    BufferedImage small = new BufferedImage(cells, cells, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < cells; y++) {
      for (int x = 0; x < cells; x++) {
        double t = random.nextDouble();
        small.setRGB(x, y, mix(a, b, t).getRGB());
      }
    }
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(small, 0, 0, side, side, null);
  }

  private static void clutter(Graphics2D g, int side, SplittableRandom random) {
    int items = 4 + random.nextInt(9);
    Colour[] colours = Colour.values();
    for (int i = 0; i < items; i++) {
      Colour colour = colours[random.nextInt(colours.length)];
      float alpha = 0.3f + 0.45f * (float) random.nextDouble();
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, alpha));
      g.setColor(new Color(colour.red(), colour.green(), colour.blue()));
      double x = random.nextDouble(side);
      double y = random.nextDouble(side);
      int type = random.nextInt(3);
      if (type == 0) {
        double length = side * (0.08 + 0.22 * random.nextDouble());
        double angle = random.nextDouble(Math.PI);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(x, y, x + length * Math.cos(angle), y + length * Math.sin(angle)));
      } else if (type == 1) {
        double r = 1 + random.nextDouble();
        g.fill(new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r));
      } else {
        g.fillRect((int) x, (int) y, 1, 1);
      }
    }
    g.setComposite(AlphaComposite.SrcOver);
  }

  private static Color color(int[] rgb) {
    return new Color(rgb[0], rgb[1], rgb[2]);
  }

  private static Color mix(Color a, Color b, double t) {
    return new Color(
        (int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
        (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }
}
