/**
 * The attention decoder (DESIGN.md, "The decoder"), with the temporal encoder (S2VT) for video
 * clips: its configuration, its parameters as views of one flat array, packed teacher-forcing
 * batches, and the forward and backward passes written out in ND4J operations (no autodiff). {@link
 * org.captionstudio.core.model.ParameterNames} holds the tensor names that checkpoints and bundles
 * use.
 */
package org.captionstudio.core.model;
