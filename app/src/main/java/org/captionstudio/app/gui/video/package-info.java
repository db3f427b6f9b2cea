/** Describing a video in the window: segments with timestamps, their frames, subtitles. */
package org.captionstudio.app.gui.video;
