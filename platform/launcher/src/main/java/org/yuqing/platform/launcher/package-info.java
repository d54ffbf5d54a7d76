/**
 * The one-command launcher of the embedded default: provisions the local stack, starts every
 * service, the gateway and the console as child processes, loads the demo drill and prints where
 * to log in. Stops everything it started on Ctrl-C or {@code ./yuqing stop}.
 */
package org.yuqing.platform.launcher;
