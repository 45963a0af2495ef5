/** Child processes that cannot outlive their owner: free ports, a watchdog, running as an unprivileged user. */
package io.scomon.infra.process;
