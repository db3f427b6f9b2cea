package org.captionstudio.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class DecoderStateTest {
  private static final DecoderConfig CONFIG =
      new DecoderConfig(7, 4, 5, 3, 4, 1, CellType.LSTM, 0.0, 0.0);

  private final AttentionDecoder decoder = new AttentionDecoder(CONFIG);
  private final DecoderParameters params =
      DecoderParameters.initialized(CONFIG, DataType.DOUBLE, 3);
  private final INDArray features = Nd4j.rand(DataType.DOUBLE, 2, 4, 3);

  @Test
  void selectedRowsDecodeTheImagesTheyCameFrom() {
    DecoderState started = decoder.start(params, features);

    DecoderState beams = started.select(1, 1, 0); // image 1 twice, then image 0
    DecoderState reordered = beams.select(2, 0, 1); // image 0, then image 1 twice

    assertEquals(features.slice(1), beams.regions.slice(0));
    assertEquals(features.slice(1), beams.regions.slice(1));
    assertEquals(features.slice(0), beams.regions.slice(2));
    assertEquals(features.slice(0), reordered.regions.slice(0));
    assertEquals(features.slice(1), reordered.regions.slice(2));
    assertEquals(started.projected.slice(1), reordered.projected.slice(1));
  }

  @Test
  void beamsReorderedWithinTheirImagesKeepTheRegionsArrays() {
    DecoderState beams = decoder.start(params, features).select(0, 0, 1, 1);
    DecoderState stepped = decoder.step(params, beams, new int[] {4, 5, 4, 6}).state();

    DecoderState withinImages = stepped.select(1, 1, 3, 2);
    DecoderState acrossImages = stepped.select(1, 2, 3, 0);

    assertSame(beams.regions, withinImages.regions);
    assertSame(beams.projected, withinImages.projected);
    assertEquals(stepped.hidden[0].getRow(3), withinImages.hidden[0].getRow(2));
    assertNotSame(beams.regions, acrossImages.regions);
    assertEquals(features.slice(0), acrossImages.regions.slice(3));
  }

  @Test
  void aRowOutsideTheStateIsRefused() {
    DecoderState started = decoder.start(params, features);

    assertThrows(IllegalArgumentException.class, () -> started.select(0, 2));
  }
}
