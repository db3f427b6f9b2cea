/**
 * Side-by-side benchmarks: each runs our implementation and, where one exists, the reference on the
 * same inputs in one process, warm-up first, alternating, and reports medians and the ratio.
 */
package org.captionstudio.benchmarks;
