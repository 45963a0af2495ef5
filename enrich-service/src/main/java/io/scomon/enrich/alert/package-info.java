/** Analysts' keyword subscriptions: validated, indexed in a Lucene Monitor, matched against every article. */
package io.scomon.enrich.alert;
