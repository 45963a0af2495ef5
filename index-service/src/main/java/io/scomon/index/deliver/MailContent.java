package io.scomon.index.deliver;

/** A rendered alert mail: subject and plain-text body. */
record MailContent(String subject, String text) {}
