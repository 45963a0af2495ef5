/** What the service tells its operators: failure and progress metrics per source, and the health and Prometheus endpoints. */
package io.scomon.ingest.monitor;
