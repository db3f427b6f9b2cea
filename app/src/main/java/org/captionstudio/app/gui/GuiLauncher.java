package org.captionstudio.app.gui;

import java.util.Locale;
import javafx.application.Application;
import org.captionstudio.core.CaptioningException;

/** Opens the window, or explains in one sentence why it cannot. */
public final class GuiLauncher {
  static final String MISSING_LIBRARIES =
      "The window could not open because a graphics library is missing: on Debian run"
          + " `sudo apt-get install libgtk-3-0 libxtst6 libgl1`, then start Caption Studio again.";

  private GuiLauncher() {}

  /** Shows the main window and returns when the user closes it. */
  public static void launch() throws CaptioningException {
    String noDisplay = missingDisplay();
    if (noDisplay != null) {
      throw new CaptioningException(noDisplay);
    }
    try {
      Application.launch(CaptionStudioApp.class);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new CaptioningException(MISSING_LIBRARIES, e);
    } catch (RuntimeException e) {
      throw new CaptioningException(explain(e), e);
    }
  }

  /** Why no window can appear at all, or null when a display is there. */
  static String missingDisplay() {
    boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    boolean monocle = "Monocle".equals(System.getProperty("glass.platform"));
    if (linux && !monocle && isBlank("DISPLAY") && isBlank("WAYLAND_DISPLAY")) {
      return "No display is available (DISPLAY is not set): start Caption Studio from a desktop"
          + " session, or use a subcommand such as `./captionstudio info`.";
    }
    return null;
  }

  static String explain(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof UnsatisfiedLinkError
          || message.contains("no suitable pipeline")
          || message.contains("No toolkit found")) {
        return MISSING_LIBRARIES;
      }
      if (message.contains("Unable to open DISPLAY")) {
        return "The display could not be opened (DISPLAY="
            + System.getenv("DISPLAY")
            + "): check that the desktop session is running and allows this user.";
      }
    }
    return "The window could not open: " + failure.getMessage();
  }

  private static boolean isBlank(String variable) {
    String value = System.getenv(variable);
    return value == null || value.isBlank();
  }
}
