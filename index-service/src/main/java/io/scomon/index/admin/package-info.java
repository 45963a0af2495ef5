/** The index layout: templates chosen by the cluster's analysis modules, monthly article indices behind an alias, the alerts index. */
package io.scomon.index.admin;
