package io.scomon.enrich.alert;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatcherFactory;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Runs the Monitor's candidate queries on the article and keeps the hits of those that match
 * ({@link HitsMatch}), as Lucene's {@code HighlightsMatch.MATCHER} does, but with less work per
 * candidate, which is most of the cost of matching (an article of MatchingBenchmark's news workload
 * has some 80 candidates and 55 matches among 10,000 subscriptions):
 *
 * <ul>
 *   <li>A query is rewritten once, not for every article: its rewritten form is kept while the
 *       subscriptions stay the same. Queries with wildcards or fuzzy terms are rewritten for each
 *       article, since their rewriting reads the article's words.
 *   <li>No query cache on the article's one-document index: caching there only costs.
 *   <li>Candidates of subscriptions whose filters (topics, languages, ...) exclude the article are
 *       not run at all.
 * </ul>
 */
final class HitsMatcher {

  /** Bounds on {@link #rewritten}, far above any real set of subscriptions and the parts of a query. */
  private static final int MAX_REMEMBERED = 500_000;
  private static final int MAX_PARTS = 32;

  /**
   * Rewritten queries by subscription id: {@code [query, rewritten, query, rewritten, ...]}, one pair
   * for each part the Monitor split the subscription's query into, each part known by identity (the
   * Monitor keeps the same object while the subscription is unchanged; hashing a query costs more
   * than finding it by its id).
   */
  private final Map<String, Query[]> rewritten = new ConcurrentHashMap<>();

  /** Forgets the rewritten queries, for the subscriptions changed (the Monitor makes new query objects). */
  void clear() {
    rewritten.clear();
  }

  /**
   * A matcher for one article, running only the candidates of subscriptions {@code wanted} (their
   * filters pass); the article's body starts at {@code bodyStart} in {@link SubscriptionQueryParser#TEXT}.
   */
  MatcherFactory<HitsMatch> factory(Predicate<String> wanted, int bodyStart) {
    return searcher -> {
      searcher.setQueryCache(null);
      return new CandidateMatcher<>(searcher) {
        @Override
        protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
          if (!wanted.test(queryId)) {
            return;
          }
          Weight weight = searcher.createWeight(rewrite(queryId, matchQuery, searcher), ScoreMode.COMPLETE_NO_SCORES, 1);
          for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
              Matches matches = weight.matches(leaf, doc);
              if (matches != null) {
                addMatch(HitsMatch.of(queryId, matches, bodyStart), doc);
              }
            }
          }
        }

        @Override
        public HitsMatch resolve(HitsMatch a, HitsMatch b) {
          return HitsMatch.merge(a, b);
        }
      };
    };
  }

  private Query rewrite(String queryId, Query query, IndexSearcher searcher) throws IOException {
    Query[] known = rewritten.get(queryId);
    if (known != null) {
      for (int i = 0; i < known.length; i += 2) {
        if (known[i] == query) {
          return known[i + 1];
        }
      }
    }
    Query result = searcher.rewrite(query);
    if (!readsTheIndexToRewrite(query)) {
      if (rewritten.size() >= MAX_REMEMBERED) {
        rewritten.clear();
      }
      rewritten.merge(queryId, new Query[] {query, result}, (old, pair) -> {
        if (old.length >= 2 * MAX_PARTS) {
          return pair;
        }
        Query[] both = Arrays.copyOf(old, old.length + 2);
        both[old.length] = pair[0];
        both[old.length + 1] = pair[1];
        return both;
      });
    }
    return result;
  }

  /** Whether rewriting depends on the words of the article: wildcards, prefixes, fuzzy terms. */
  static boolean readsTheIndexToRewrite(Query query) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public void visitLeaf(Query leaf) {
        found[0] |= leaf instanceof MultiTermQuery;
      }

      @Override
      public void consumeTermsMatching(Query leaf, String field, Supplier<ByteRunAutomaton> automaton) {
        found[0] = true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return found[0];
  }
}
