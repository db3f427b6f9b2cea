/**
 * Captioning files end to end for the app and the command line: encode, decode, and report per
 * image the caption, the n best with log-probabilities, attention maps on the image's own
 * coordinates, timings and warnings.
 */
package org.captionstudio.core.caption;
