package io.scomon.ingest.source;

import io.scomon.ingest.extract.ExtractionHints;
import io.scomon.schemas.SourceType;
import java.net.URI;

/**
 * One watched source, as validated from sources.yml.
 *
 * @param id stable id, the {@code sourceId} of every article and request it leads to
 * @param name display name
 * @param kind what the URL is
 * @param url the feed, sitemap, section page, board or thread
 * @param language expected language (BCP 47) or null
 * @param links which links are stories (section pages) or threads (boards); null on a board uses
 *     the usual thread URL shapes of vBulletin, phpBB, XenForo and Discourse
 * @param schedule poll interval and its bounds
 * @param hints per-site extraction selectors (no feed fields), {@link ExtractionHints#NONE} if none
 * @param allowPrivateAddresses whether the address guard lets this source reach private, loopback
 *     and unique-local addresses (the demo site and tests); link-local and metadata addresses stay refused
 * @param maxThreadPages forum pages followed per thread, or 0 for the service default
 */
public record Source(
    String id,
    String name,
    SourceKind kind,
    URI url,
    String language,
    LinkPattern links,
    PollSchedule schedule,
    ExtractionHints hints,
    boolean allowPrivateAddresses,
    int maxThreadPages) {

  /** The sourceType of the articles this source leads to. */
  public SourceType articleType() {
    return kind.articleType();
  }

  @Override
  public String toString() {
    return id + " (" + kind.yamlName() + " " + url + ")";
  }
}
