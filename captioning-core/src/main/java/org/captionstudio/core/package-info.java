/**
 * Caption Studio's captioning core: text, data, features, the decoder, training, decoding,
 * evaluation and model bundles. It knows nothing of pixels, JavaCV, the DL4J zoo or JavaFX; image
 * and video encoders reach it through the contracts and feature records defined here.
 */
package org.captionstudio.core;
