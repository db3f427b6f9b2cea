/**
 * Frames from videos for the captioner: uniform sampling over a clip or per segment, a cheap
 * low-resolution pass that finds shot boundaries, and frame folders taken as clips. Every read is
 * bounded in time and cancellable, damaged files yield what can be decoded with a warning, and
 * every file that cannot be used gets one plain sentence naming it.
 */
package org.captionstudio.vision.video;
