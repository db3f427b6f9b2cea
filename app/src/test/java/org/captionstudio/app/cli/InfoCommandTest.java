package org.captionstudio.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.captionstudio.app.AppVersion;
import org.junit.jupiter.api.Test;

class InfoCommandTest {

  @Test
  void infoPrintsVersionJavaOsBackendBlasAndThreads() {
    CliRun run = CliRun.of("info");

    assertEquals(ExitStatus.OK, run.status(), run.err());
    List<String> lines = run.lines();
    assertTrue(lines.get(0).startsWith("Caption Studio "), lines.get(0));
    assertTrue(lines.get(0).endsWith(AppVersion.get()), lines.get(0));
    assertLine(lines, "Java", System.getProperty("java.version"));
    assertLine(lines, "OS", System.getProperty("os.name"));
    assertLine(lines, "Backend", "CPU (ND4J 1.0.0-M2.1");
    assertLine(lines, "BLAS", "OPENBLAS");
    assertLine(lines, "OpenMP", "OMP_WAIT_POLICY=PASSIVE");
    assertLine(lines, "Media", "FFmpeg 5.0");
    assertTrue(run.err().isEmpty(), "nothing on stderr, got: " + run.err());
  }

  @Test
  void infoJsonIsOneObjectWithTheSameFacts() throws Exception {
    CliRun run = CliRun.of("info", "--json");

    assertEquals(ExitStatus.OK, run.status(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals("Caption Studio", json.at("/app/name").asText());
    assertEquals(AppVersion.get(), json.at("/app/version").asText());
    assertTrue(json.at("/app/version").asText().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"));
    assertEquals(System.getProperty("java.version"), json.at("/java/version").asText());
    assertEquals(System.getProperty("os.arch"), json.at("/os/arch").asText());
    assertEquals(Runtime.getRuntime().availableProcessors(), json.at("/os/cores").asInt());
    assertEquals("CPU", json.at("/backend/kind").asText());
    assertEquals("1.0.0-M2.1", json.at("/backend/nd4jVersion").asText());
    assertTrue(json.at("/backend/devices/0/totalMemoryBytes").asLong() > 0);
    assertTrue(json.at("/backend/ompThreads").asInt() >= 1);
    assertEquals("PASSIVE", json.at("/backend/ompWaitPolicy").asText());
    assertEquals("4.5.5", json.at("/media/opencvVersion").asText());
  }

  @Test
  void anUnknownSubcommandIsAUsageErrorOnStderr() {
    CliRun run = CliRun.of("no-such-command");

    assertEquals(ExitStatus.USAGE, run.status());
    assertTrue(run.out().isEmpty());
    assertTrue(run.err().startsWith("Unmatched argument at index 0: 'no-such-command'"), run.err());
  }

  @Test
  void versionPrintsTheProductAndVersion() {
    CliRun run = CliRun.of("--version");

    assertEquals(ExitStatus.OK, run.status());
    assertEquals("Caption Studio " + AppVersion.get(), run.out().strip());
  }

  private static void assertLine(List<String> lines, String label, String expected) {
    String line =
        lines.stream()
            .filter(l -> l.startsWith(label + " "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no '" + label + "' line in " + lines));
    assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
  }
}
