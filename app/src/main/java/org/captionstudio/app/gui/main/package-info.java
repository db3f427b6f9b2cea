/** The main window: the drop zone where images and videos arrive, and the status bar. */
package org.captionstudio.app.gui.main;
