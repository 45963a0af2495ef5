/** The index layout: templates chosen by the cluster's analysis modules, monthly article indices behind an alias, the alerts and routing indices. */
package io.scomon.index.admin;
