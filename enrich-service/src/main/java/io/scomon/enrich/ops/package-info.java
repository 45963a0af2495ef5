/** Operations endpoints of enrich-service: liveness, readiness and Prometheus metrics. */
package io.scomon.enrich.ops;
