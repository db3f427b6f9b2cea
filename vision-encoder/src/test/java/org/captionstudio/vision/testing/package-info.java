/**
 * Test fixtures other modules' tests use too (shipped in vision-encoder's test jar): Keras {@code
 * .h5} files written through the HDF5 library, and a tiny Keras CNN that passes SqueezeNet's import
 * check.
 */
package org.captionstudio.vision.testing;
