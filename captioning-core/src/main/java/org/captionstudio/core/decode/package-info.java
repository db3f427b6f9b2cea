/**
 * Decoding: greedy and beam search over {@link org.captionstudio.core.model.AttentionDecoder#step},
 * batched over images and beams. Decoding never reaches into the model's internals.
 */
package org.captionstudio.core.decode;
