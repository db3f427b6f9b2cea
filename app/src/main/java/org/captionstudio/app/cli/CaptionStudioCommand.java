package org.captionstudio.app.cli;

import java.io.InputStream;
import java.util.concurrent.Callable;
import org.captionstudio.app.AppVersion;
import org.captionstudio.app.gui.GuiLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code captionstudio}: opens the window when run without a subcommand. */
@Command(
    name = "captionstudio",
    mixinStandardHelpOptions = true,
    versionProvider = CaptionStudioCommand.Version.class,
    description = {
      "Captions images, describes videos and trains captioning models.",
      "Without a subcommand it opens the Caption Studio window."
    },
    subcommands = {
      CaptionCommand.class,
      DescribeCommand.class,
      InfoCommand.class,
      EvaluateCommand.class,
      TokenizeCommand.class,
      ValidateCommand.class,
      SynthCommand.class,
      PretrainEncoderCommand.class,
      TrainCommand.class,
      EvaluateModelCommand.class,
      EncodersCommand.class
    },
    usageHelpAutoWidth = true)
public final class CaptionStudioCommand implements Callable<Integer> {
  private final InputStream stdin;

  @Option(
      names = Logging.VERBOSE_OPTION,
      scope = ScopeType.INHERIT,
      description = "Log details to stderr and show stack traces with errors.")
  boolean verbose;

  CaptionStudioCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  /** What the subcommands read as standard input. */
  InputStream stdin() {
    return stdin;
  }

  @Override
  public Integer call() throws Exception {
    GuiLauncher.launch();
    return ExitStatus.OK;
  }

  /** Prints the product version for {@code --version}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"Caption Studio " + AppVersion.get()};
    }
  }
}
