package io.scomon.ingest.extract.forum;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;

/** The engines tried on every page, specific ones first, the generic fallback last. */
public final class ForumEngines {

  private static final List<ForumEngine> DEFAULT = List.of(new VBulletinEngine(),
      new PhpBbEngine(), new XenForoEngine(), new DiscourseEngine(), new GenericForumEngine());

  private ForumEngines() {}

  /** All built-in engines in the order they are tried. */
  public static List<ForumEngine> all() {
    return DEFAULT;
  }

  /** The first engine that recognises the page, if any. */
  public static Optional<ForumEngine> detect(Document doc) {
    if (!ForumMarkers.present(doc)) {
      return Optional.empty();
    }
    for (ForumEngine e : DEFAULT) {
      if (e.recognises(doc)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
