/**
 * The command line: {@code captionstudio} with no arguments opens the window, each subcommand is a
 * thin picocli shell over the services the GUI uses. This package alone writes to the terminal.
 */
package org.captionstudio.app.cli;
