/**
 * Caption Studio's vision side: image decoding, CNN preprocessing, DL4J-zoo encoders and their
 * weights, video frame sampling and ShapesWorld generation. It implements the encoder contracts of
 * the core and knows nothing of JavaFX.
 */
package org.captionstudio.vision;
