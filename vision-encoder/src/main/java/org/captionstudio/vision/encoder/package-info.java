/**
 * CNN encoders: the DL4J-zoo models with their documented preprocessing, spatial feature taps (the
 * grid the decoder's attention reads) and pooled vectors, and the preprocessing geometry needed to
 * map attention back onto the original image.
 */
package org.captionstudio.vision.encoder;
