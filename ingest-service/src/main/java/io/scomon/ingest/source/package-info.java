/** The sources to watch, read and validated from {@code sources.yml}: what to poll, how often, and how to read it. */
package io.scomon.ingest.source;
