/** File helpers shared by every writer of the project: atomic replacement of a file. */
package org.captionstudio.core.io;
