/**
 * What the process runs on: the ND4J backend the build chose (CPU or CUDA), its devices, BLAS and
 * thread settings. Nothing here names a backend class; the build decides which one is loaded.
 */
package org.captionstudio.core.runtime;
