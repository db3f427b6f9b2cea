/**
 * Training the attention decoder: shuffled batches from the memory-mapped feature store, Adam with
 * global-norm clipping and a learning-rate schedule, validation with beam search and the
 * coco-caption metrics, early stopping on CIDEr-D, atomic checkpoints and exact resume.
 */
package org.captionstudio.core.train;
