/**
 * Model bundles: one zip with the manifest (configs, encoder spec, provenance, metrics), the
 * vocabulary, the decoder's weights as named little-endian float arrays and, for an encoder the
 * project trained itself, the encoder's own file. Loading checks every part against the others.
 */
package org.captionstudio.core.bundle;
