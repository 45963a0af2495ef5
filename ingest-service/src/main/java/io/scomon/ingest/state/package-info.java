/** The crawl state of every URL, kept in the compacted topic scomon.crawl.state and read back at start, so a restart resumes. */
package io.scomon.ingest.state;
