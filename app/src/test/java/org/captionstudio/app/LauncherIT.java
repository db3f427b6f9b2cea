package org.captionstudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged app through {@code ./captionstudio}, with none of the runtime settings in the
 * environment, to prove the launcher sets them and starts at once once built.
 */
class LauncherIT {
  private static final Path LAUNCHER = Path.of(System.getProperty("captionstudio.launcher"));

  @TempDir Path home;

  /** What one launcher run printed and returned. */
  private record Run(int status, String out, String err) {}

  private Run launch(Map<String, String> extraEnv, String... args) throws Exception {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().add("bash");
    builder.command().add(LAUNCHER.toString());
    builder.command().addAll(List.of(args));
    Map<String, String> env = builder.environment();
    // The user's environment, minus everything the launcher is responsible for.
    env.keySet().removeIf(key -> key.startsWith("OMP_") || key.startsWith("OPENCV_"));
    env.remove("JAVA_OPTS");
    env.remove("JAVA_TOOL_OPTIONS");
    env.put("CAPTIONSTUDIO_HOME", home.toString());
    env.putAll(extraEnv);
    Path out = home.resolve("stdout");
    Path err = home.resolve("stderr");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not finish within 180 s");
    }
    return new Run(process.exitValue(), read(out), read(err));
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void infoThroughTheLauncherRunsWithPassiveOpenMpAndMemoryCaps() throws Exception {
    Run run = launch(Map.of(), "info", "--json");

    assertEquals(0, run.status(), run.err());
    assertFalse(run.err().contains("Building"), "a built app must start at once: " + run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("CPU", json.at("/backend/kind").asText());
    assertEquals("PASSIVE", json.at("/backend/ompWaitPolicy").asText());
    assertTrue(json.at("/backend/offHeapLimit").asText().matches("\\d+M"), run.out());
    assertTrue(json.at("/backend/physicalMemoryLimit").asText().matches("\\d+M"), run.out());
  }

  @Test
  void withoutADisplayTheWindowExplainsInOneSentence() throws Exception {
    Run run = launch(Map.of("DISPLAY", "", "WAYLAND_DISPLAY", ""));

    assertEquals(1, run.status());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), "exactly one line on stderr, got: " + run.err());
    String line = lines.get(0);
    assertTrue(
        line.contains("No display is available") || line.contains("sudo apt-get install"), line);
    assertFalse(line.contains("Exception") || line.contains("Error:"), line);
  }
}
