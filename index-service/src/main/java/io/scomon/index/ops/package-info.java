/** Operations: liveness and readiness checks and Prometheus metrics on a small loopback HTTP server. */
package io.scomon.index.ops;
