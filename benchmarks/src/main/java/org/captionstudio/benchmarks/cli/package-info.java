/** The benchmark runner's command line: {@code benchmarks/run.sh NAME}. */
package org.captionstudio.benchmarks.cli;
