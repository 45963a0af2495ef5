/** The index-service application: reads configuration, wires consumer, writer, layout and ops server, and runs them until shutdown. */
package io.scomon.index;
