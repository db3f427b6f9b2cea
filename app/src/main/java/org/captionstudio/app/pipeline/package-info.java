/**
 * The services the CLI and the GUI share: whole jobs such as "train a captioner on this dataset",
 * reporting through plain listeners.
 */
package org.captionstudio.app.pipeline;
