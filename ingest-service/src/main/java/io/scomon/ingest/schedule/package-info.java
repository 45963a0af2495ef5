/** The scheduler: polls each source when due, turns what it lists into fetch requests keyed by host, and adapts each source's interval. */
package io.scomon.ingest.schedule;
