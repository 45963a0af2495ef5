/** Discovery: the story and thread links a feed (RSS/Atom), a sitemap (news extension, indexes), a section page or a forum board lists. */
package io.scomon.ingest.feed;
