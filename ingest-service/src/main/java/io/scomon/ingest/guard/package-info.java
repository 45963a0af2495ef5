/** The address guard against server-side request forgery: which resolved addresses a fetch may connect to. */
package io.scomon.ingest.guard;
