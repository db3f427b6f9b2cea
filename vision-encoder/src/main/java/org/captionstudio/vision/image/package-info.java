/**
 * Image decoding users can trust: every common format, EXIF orientation, CMYK, 16-bit and alpha
 * handled, decompression bombs refused from the header before decoding, damaged files flagged
 * rather than passed off as clean, and one plain sentence for every failure.
 */
package org.captionstudio.vision.image;
