/**
 * The reference side of the {@code decoder-train} benchmark: the attention decoder in PyTorch
 * through DJL ({@link org.captionstudio.benchmarks.decoder.TorchAttentionDecoder}), the batches
 * both sides train on ({@link org.captionstudio.benchmarks.decoder.DecoderBatch}) and the names and
 * layouts through which both sides share one set of weights ({@link
 * org.captionstudio.benchmarks.decoder.DecoderParameters}).
 */
package org.captionstudio.benchmarks.decoder;
