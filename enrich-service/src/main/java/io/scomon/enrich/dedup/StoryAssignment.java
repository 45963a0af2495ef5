package io.scomon.enrich.dedup;

import java.util.Optional;

/** The story an article was put in, and the earlier article it repeats, if any. */
public record StoryAssignment(String storyId, Optional<DuplicateMatch> duplicateOf) {}
