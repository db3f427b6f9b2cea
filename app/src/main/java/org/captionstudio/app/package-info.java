/**
 * The Caption Studio application: the JavaFX desktop app ({@code gui}), the picocli command line
 * ({@code cli}) and the one logging binding. It wires the services of the core and the vision
 * encoder together; no other module knows it exists.
 */
package org.captionstudio.app;
