package io.scomon.enrich.alert;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;

/**
 * A subscription query that matched an article, and where: the start and end character offsets of
 * every hit in the title and in the body, in text order, without repeats. Lucene Monitor's own
 * {@code HighlightsMatch} holds the same in a tree map of tree sets of objects; an article matches
 * tens of subscriptions, so these are two sorted int arrays ({@code [start0, end0, start1, ...]}).
 */
final class HitsMatch extends QueryMatch {

  private static final int[] NONE = {};

  private final int[] title;
  private final int[] body;

  private HitsMatch(String queryId, int[] title, int[] body) {
    super(queryId);
    this.title = title;
    this.body = body;
  }

  /**
   * The hits Lucene reports for one matching query (for a phrase, the phrase). Hits in {@link
   * SubscriptionQueryParser#TEXT} before {@code bodyStart} are the title's, the others the body's
   * at {@code bodyStart} less.
   */
  static HitsMatch of(String queryId, Matches matches, int bodyStart) throws IOException {
    int[] title = NONE;
    int[] body = NONE;
    for (String field : matches) {
      int[] hits = offsets(matches.getMatches(field));
      if (field.equals(SubscriptionQueryParser.TITLE)) {
        title = union(title, hits);
      } else if (field.equals(SubscriptionQueryParser.BODY)) {
        body = union(body, hits);
      } else if (field.equals(SubscriptionQueryParser.TEXT)) {
        int split = 0;
        while (split < hits.length && hits[split] < bodyStart) {
          split += 2;
        }
        int[] inBody = Arrays.copyOfRange(hits, split, hits.length);
        for (int i = 0; i < inBody.length; i++) {
          inBody[i] -= bodyStart;
        }
        title = union(title, Arrays.copyOf(hits, split));
        body = union(body, inBody);
      }
    }
    return new HitsMatch(queryId, title, body);
  }

  /** One query matched twice (two branches of a disjunction the Monitor split): all hits of both. */
  static HitsMatch merge(HitsMatch a, HitsMatch b) {
    return new HitsMatch(a.getQueryId(), union(a.title, b.title), union(a.body, b.body));
  }

  /** Title hits as {@code [start0, end0, start1, end1, ...]}, in text order. */
  int[] title() {
    return title;
  }

  /** Body hits as {@code [start0, end0, start1, end1, ...]}, in text order. */
  int[] body() {
    return body;
  }

  private static int[] offsets(MatchesIterator iterator) throws IOException {
    if (iterator == null) {
      return NONE;
    }
    int[] hits = new int[8];
    int n = 0;
    while (iterator.next()) {
      MatchesIterator words = iterator.getSubMatches();
      MatchesIterator each = words == null ? iterator : words;
      boolean more = words == null || words.next();
      while (more) {
        if (each.startOffset() >= 0 && each.startOffset() < each.endOffset()) {
          if (n + 2 > hits.length) {
            hits = Arrays.copyOf(hits, hits.length * 2);
          }
          hits[n++] = each.startOffset();
          hits[n++] = each.endOffset();
        }
        more = words != null && words.next();
      }
    }
    return sortedDistinct(hits, n);
  }

  private static int[] union(int[] a, int[] b) {
    if (b.length == 0) {
      return a;
    }
    if (a.length == 0) {
      return b;
    }
    int[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return sortedDistinct(both, both.length);
  }

  /** The first {@code n} values as (start, end) pairs ordered by start then end, repeats dropped. */
  private static int[] sortedDistinct(int[] pairs, int n) {
    if (!sorted(pairs, n)) {
      long[] keys = new long[n / 2];
      for (int i = 0; i < keys.length; i++) {
        keys[i] = ((long) pairs[2 * i] << 32) | pairs[2 * i + 1];
      }
      Arrays.sort(keys);
      for (int i = 0; i < keys.length; i++) {
        pairs[2 * i] = (int) (keys[i] >>> 32);
        pairs[2 * i + 1] = (int) keys[i];
      }
    }
    int kept = 0;
    for (int i = 0; i < n; i += 2) {
      if (kept == 0 || pairs[i] != pairs[kept - 2] || pairs[i + 1] != pairs[kept - 1]) {
        pairs[kept++] = pairs[i];
        pairs[kept++] = pairs[i + 1];
      }
    }
    return kept == pairs.length ? pairs : Arrays.copyOf(pairs, kept);
  }

  private static boolean sorted(int[] pairs, int n) {
    for (int i = 2; i < n; i += 2) {
      if (pairs[i] < pairs[i - 2] || (pairs[i] == pairs[i - 2] && pairs[i + 1] < pairs[i - 1])) {
        return false;
      }
    }
    return true;
  }
}
