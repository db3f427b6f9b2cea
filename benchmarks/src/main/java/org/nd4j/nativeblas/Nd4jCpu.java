package org.nd4j.nativeblas;

/**
 * Where DL4J 1.0.0-M2.1 looks for ND4J's native environment before it gives a layer a oneDNN
 * implementation ({@code BaseMKLDNNHelper.mklDnnEnabled()}): the name it had before ND4J moved it
 * to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and renamed {@code isUseMKLDNN} to
 * {@code isUseONEDNN}. Without this class the lookup fails and DL4J never uses oneDNN for its
 * layers, even on nd4j-native's oneDNN build; with it, DL4J asks the real environment.
 *
 * <p>DL4J also creates layer helpers only with {@code
 * -Dorg.eclipse.deeplearning4j.helpers.disable=false}; {@code benchmarks/run.sh -Ponednn} sets it.
 */
public final class Nd4jCpu {
  static final String CURRENT_ENVIRONMENT =
      "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";

  private Nd4jCpu() {}

  /** The one method DL4J calls, answered by ND4J's current native environment. */
  public static final class Environment {
    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    public static Environment getInstance() {
      return INSTANCE;
    }

    /** Whether the loaded native build runs oneDNN; false where ND4J's CPU backend is absent. */
    public boolean isUseMKLDNN() {
      try {
        return currentUsesOneDnn();
      } catch (ReflectiveOperationException | LinkageError e) {
        return false;
      }
    }

    /**
     * Whether the loaded native build has oneDNN and ND4J may use it. ND4J's own flag ({@code
     * isUseONEDNN()}) is true on every build, so the build information decides: without it DL4J
     * would hand its layers to helpers named for oneDNN that run ND4J's generic kernels.
     */
    static boolean currentUsesOneDnn() throws ReflectiveOperationException {
      Class<?> current = Class.forName(CURRENT_ENVIRONMENT);
      Object environment = current.getMethod("getInstance").invoke(null);
      boolean allowed = (Boolean) current.getMethod("isUseONEDNN").invoke(environment);
      return allowed
          && NativeOpsHolder.getInstance().getDeviceNativeOps().buildInfo().contains("HAVE_ONEDNN");
    }
  }
}
