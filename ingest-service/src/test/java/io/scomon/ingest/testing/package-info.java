/** Test support: loopback HTTP servers with programmable misbehaviour, topic readers, and a service launcher. */
package io.scomon.ingest.testing;
