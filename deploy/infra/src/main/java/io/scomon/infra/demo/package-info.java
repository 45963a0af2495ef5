/** The demo site: realistic SCO news, feed, sitemap and forum pages served on 127.0.0.1 for tests and the local run. */
package io.scomon.infra.demo;
