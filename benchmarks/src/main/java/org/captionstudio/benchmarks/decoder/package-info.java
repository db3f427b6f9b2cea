/**
 * The decoder benchmarks, {@code decoder-train} and {@code decode-latency}, and their reference
 * side: the attention decoder in PyTorch through DJL ({@link
 * org.captionstudio.benchmarks.decoder.TorchAttentionDecoder}) with its beam search ({@link
 * org.captionstudio.benchmarks.decoder.TorchBeamSearch}), the batches both sides train on ({@link
 * org.captionstudio.benchmarks.decoder.DecoderBatch}) and the names and layouts through which both
 * sides share one set of weights ({@link org.captionstudio.benchmarks.decoder.DecoderParameters}).
 */
package org.captionstudio.benchmarks.decoder;
