package io.scomon.ingest.extract.forum;

import java.util.List;
import org.jsoup.nodes.Document;

/** One forum software: tells whether a page is one of its threads, and reads the posts. */
public interface ForumEngine {

  /** Short name ("vbulletin", "phpbb", ...). */
  String name();

  /** Whether the page carries this engine's structural markers (never decided by domain). */
  boolean recognises(Document doc);

  /**
   * The posts in page order. Reads a private copy of the page: the engine removes user chrome
   * from the returned content elements.
   */
  List<ForumPost> posts(Document doc);
}
