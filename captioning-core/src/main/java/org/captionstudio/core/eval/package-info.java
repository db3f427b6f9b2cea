/**
 * Evaluation exactly as coco-caption computes it: BLEU-1..4, ROUGE-L and CIDEr-D over captions
 * tokenized the coco-caption way, per image and for the corpus, plus novelty against the training
 * captions and vocabulary usage. METEOR and SPICE need external jars and data and are not here.
 */
package org.captionstudio.core.eval;
