package org.captionstudio.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CaptionPriorBaselineTest {

  @Test
  void itAnswersTheMostFrequentCaptionAfterTokenization() {
    CaptionPriorBaseline baseline =
        CaptionPriorBaseline.fit(
            List.of("A red circle.", "a red circle", "a blue square", "A RED CIRCLE", "a cat"),
            caption -> caption.toLowerCase(Locale.ROOT).replace(".", ""));

    assertEquals("a red circle", baseline.caption());
    assertEquals(3, baseline.count());
  }

  @Test
  void tiesGoToTheAlphabeticallyFirstSoTheBaselineIsDeterministic() {
    CaptionPriorBaseline baseline =
        CaptionPriorBaseline.fit(List.of("b", "a", "b", "a"), caption -> caption);

    assertEquals("a", baseline.caption());
  }

  @Test
  void noTrainingCaptionsIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> CaptionPriorBaseline.fit(List.of(), c -> c));
  }
}
