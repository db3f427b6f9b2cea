/**
 * Time on a video: ranges in seconds, captions tied to them, the segmentation of a clip into fixed
 * windows or shots, and the export of timed captions as SRT, WebVTT and JSON. Nothing here knows
 * pixels or JavaCV; the frames themselves come from the vision encoder.
 */
package org.captionstudio.core.video;
