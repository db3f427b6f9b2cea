/**
 * Test fixtures other modules' tests use too (shipped in vision-encoder's test jar): Keras {@code
 * .h5} files written through the HDF5 library, a tiny Keras CNN that passes SqueezeNet's import
 * check, and small video clips in every format the bundled FFmpeg can encode.
 */
package org.captionstudio.vision.testing;
