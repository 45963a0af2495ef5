/** The subscriptions REST API: create, read, update and delete analysts' keyword subscriptions. */
package io.scomon.enrich.api;
