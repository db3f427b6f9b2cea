/**
 * Pretrained CNN weights: the DL4J zoo cache (same folders, file names and Adler32 checksums, so a
 * cache filled by any DL4J program works), our own resumable, verifying, cancellable downloader,
 * mirrors for offline machines, and import of a user's own file.
 */
package org.captionstudio.vision.weights;
