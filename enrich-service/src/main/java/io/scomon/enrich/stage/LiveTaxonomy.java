package io.scomon.enrich.stage;

import io.scomon.enrich.tag.Taxonomy;
import io.scomon.enrich.tag.TopicTagger;
import io.scomon.enrich.text.TextAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The taxonomy in force, reloaded when its file changes. A file that does not load (syntax error,
 * bad rule) is refused with its file, line and reason, and the last good taxonomy stays in force.
 * At startup a broken file is fatal: there is no good one to keep.
 */
public final class LiveTaxonomy {

  private static final Logger LOG = LoggerFactory.getLogger(LiveTaxonomy.class);

  private final Optional<Path> file;
  private final TextAnalyzer analyzer;
  private final AtomicReference<TopicTagger> tagger = new AtomicReference<>();
  private volatile FileTime loadedStamp;

  /** Loads the taxonomy from {@code file}, or the shipped one when empty; throws when it does not load. */
  public LiveTaxonomy(Optional<Path> file, TextAnalyzer analyzer) {
    this.file = file;
    this.analyzer = analyzer;
    this.loadedStamp = stamp();
    tagger.set(new TopicTagger(file.map(Taxonomy::load).orElseGet(Taxonomy::loadDefault), analyzer));
    LOG.info("taxonomy {} in force ({} topics, from {})", version(), tagger.get().taxonomy().topics().size(),
        file.map(Path::toString).orElse("the shipped default"));
  }

  public TopicTagger tagger() {
    return tagger.get();
  }

  public String version() {
    return tagger.get().taxonomy().version();
  }

  /** Reloads when the file changed since the last load; returns whether a new taxonomy is in force. */
  public boolean reloadIfChanged() {
    if (file.isEmpty()) {
      return false;
    }
    FileTime now = stamp();
    if (now == null || now.equals(loadedStamp)) {
      return false;
    }
    loadedStamp = now;
    try {
      TopicTagger next = new TopicTagger(Taxonomy.load(file.get()), analyzer);
      tagger.set(next);
      LOG.info("taxonomy reloaded from {}: version {} now in force", file.get(), version());
      return true;
    } catch (RuntimeException e) {
      LOG.error("taxonomy file {} refused, keeping version {}: {}", file.get(), version(), e.getMessage());
      return false;
    }
  }

  private FileTime stamp() {
    if (file.isEmpty()) {
      return null;
    }
    try {
      return Files.getLastModifiedTime(file.get());
    } catch (IOException e) {
      return null;
    }
  }
}
