package io.scomon.ingest.extract.forum;

import java.time.OffsetDateTime;
import org.jsoup.nodes.Element;

/**
 * One post as found in the page.
 *
 * @param content the element holding the post's own text, chrome already removed
 * @param author user name, or null
 * @param published time of the post as written on the page, or null
 * @param number position in the thread as the board shows it, or null
 * @param postId the board's id of the post, or null
 * @param permalink absolute URL of the single post, or null
 * @param timeText the post time as the page displays it ("May 3, 2024, 8:45am"), or null
 * @param headerFirst whether the page shows the author above the post text (a post header)
 *     rather than below it (a user card closing the post)
 */
public record ForumPost(
    Element content,
    String author,
    OffsetDateTime published,
    Integer number,
    String postId,
    String permalink,
    String timeText,
    boolean headerFirst) {}
