package org.nd4j.nativeblas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jCpuTest {

  @Test
  void dl4jFindsTheEnvironmentUnderTheNameItLooksFor() throws Exception {
    Nd4j.getBackend(); // loads the natives

    // What DL4J's BaseMKLDNNHelper.mklDnnEnabled() does.
    Class<?> looked = Class.forName("org.nd4j.nativeblas.Nd4jCpu$Environment");
    Object environment = looked.getMethod("getInstance").invoke(null);
    boolean answer = (Boolean) looked.getMethod("isUseMKLDNN").invoke(environment);

    assertEquals(Nd4jCpu.Environment.currentUsesOneDnn(), answer);
  }

  @Test
  void theAnswerIsWhetherTheLoadedNativeBuildHasOneDnn() throws Exception {
    // ND4J's own flag says yes on every build; only the oneDNN build may answer yes here.
    Nd4j.getBackend();
    boolean buildHasOneDnn =
        NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");

    // false with the default nd4j-native build, true with -Ponednn (see the surefire settings).
    assertEquals(buildHasOneDnn, Nd4jCpu.Environment.currentUsesOneDnn());
  }
}
