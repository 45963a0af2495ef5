package io.scomon.enrich.alert;

import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * Parses a subscription query in Lucene's classic syntax: AND / OR / NOT, "phrases", proximity
 * ({@code "opium trafficking"~5}), wildcards, and the fields {@code title:} and {@code body:}
 * (unqualified words search both). Words are folded by the same analyzer as the tagger, so
 * "наркотики" matches "наркотиков" and "trafficking" matches "trafficked". Words without an operator
 * between them must all occur (AND), as analysts expect of an alert.
 *
 * <p>Refused, with the position: syntax errors, a query that matches everything ({@code *},
 * {@code *:*}, only NOT clauses), unknown fields, regular expressions, ranges, leading wildcards,
 * wildcards or prefixes with fewer than {@value #MIN_WILDCARD_PREFIX} letters before the first
 * wildcard, and queries of more than {@value #MAX_TERMS} terms or {@value #MAX_LENGTH} characters.
 */
public final class SubscriptionQueryParser {

  public static final String TITLE = "title";
  public static final String BODY = "body";
  /**
   * Title and body as one field, where words without a field are searched: one term to look up
   * instead of two (title or body), which made matching faster (MatchingBenchmark). A phrase does
   * not run on from the title into the body (positions are set apart).
   */
  public static final String TEXT = "text";
  static final Set<String> FIELDS = Set.of(TITLE, BODY, TEXT);
  static final int MAX_LENGTH = 2_000;
  static final int MAX_TERMS = 200;
  static final int MIN_WILDCARD_PREFIX = 3;
  private static final String FIELD = "query";

  private final Analyzer analyzer;

  public SubscriptionQueryParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  public Query parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidSubscriptionException(FIELD, "the query is empty");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidSubscriptionException(FIELD, "the query is longer than " + MAX_LENGTH + " characters");
    }
    String trimmed = text.strip();
    if (trimmed.equals("*") || trimmed.equals("*:*")) {
      throw new InvalidSubscriptionException(FIELD, "'" + trimmed + "' would match every article; name the words to watch for", 1);
    }
    QueryParser parser = new QueryParser(TEXT, analyzer);
    parser.setDefaultOperator(QueryParser.Operator.AND);
    parser.setAllowLeadingWildcard(false);
    parser.setSplitOnWhitespace(true);
    parser.setAutoGeneratePhraseQueries(true); // "上合组织" and "drug-trafficking" stay phrases
    Query query;
    try {
      query = parser.parse(text);
    } catch (ParseException e) {
      throw new InvalidSubscriptionException(FIELD, syntaxMessage(e), position(e));
    } catch (IllegalArgumentException | BooleanQuery.TooManyClauses e) {
      throw new InvalidSubscriptionException(FIELD, e.getMessage());
    }
    check(query, text);
    return query;
  }

  private static void check(Query query, String text) {
    if (query instanceof MatchAllDocsQuery) {
      throw new InvalidSubscriptionException(FIELD, "the query would match every article", 1);
    }
    if (query instanceof MatchNoDocsQuery) {
      throw new InvalidSubscriptionException(FIELD, "the query has no word left to search for (only punctuation?)");
    }
    if (!hasPositiveClause(query)) {
      throw new InvalidSubscriptionException(FIELD, "a query of only NOT clauses would match almost every article; "
          + "add at least one word it must contain");
    }
    int[] terms = {0};
    query.visit(new QueryVisitor() {
      @Override
      public void consumeTerms(Query q, Term... t) {
        terms[0] += t.length;
        for (Term term : t) {
          checkField(term.field(), text);
        }
      }

      @Override
      public void visitLeaf(Query q) {
        if (q instanceof RegexpQuery) {
          throw new InvalidSubscriptionException(FIELD, "regular expressions are not allowed (too costly to run "
              + "against every article)", positionOf(text, "/"));
        }
        if (q instanceof TermRangeQuery) {
          throw new InvalidSubscriptionException(FIELD, "ranges are not allowed in subscriptions", positionOf(text, "["));
        }
        if (q instanceof WildcardQuery w) {
          checkWildcard(w.getTerm(), text);
        } else if (q instanceof PrefixQuery p) {
          checkWildcard(new Term(p.getField(), p.getPrefix().text() + "*"), text);
        } else if (q instanceof FuzzyQuery f) {
          checkField(f.getTerm().field(), text);
        }
        terms[0]++;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    if (terms[0] > MAX_TERMS) {
      throw new InvalidSubscriptionException(FIELD, "the query has " + terms[0] + " terms; at most " + MAX_TERMS
          + " are allowed (split it into several subscriptions)");
    }
  }

  private static void checkField(String field, String text) {
    if (!FIELDS.contains(field)) {
      throw new InvalidSubscriptionException(FIELD, "unknown field '" + field + "'; use title: or body: (or no field "
          + "for both)", positionOf(text, field + ":"));
    }
  }

  private static void checkWildcard(Term term, String text) {
    checkField(term.field(), text);
    String pattern = term.text();
    int firstWildcard = indexOfWildcard(pattern);
    if (firstWildcard < MIN_WILDCARD_PREFIX) {
      throw new InvalidSubscriptionException(FIELD, "wildcard '" + pattern + "' needs at least " + MIN_WILDCARD_PREFIX
          + " letters before the first * or ? (it would expand to too many words)", positionOf(text, pattern));
    }
  }

  private static boolean hasPositiveClause(Query query) {
    Query q = query instanceof BoostQuery b ? b.getQuery() : query;
    if (!(q instanceof BooleanQuery bool)) {
      return true;
    }
    List<BooleanClause> clauses = bool.clauses();
    return clauses.stream().anyMatch(c -> c.getOccur() != BooleanClause.Occur.MUST_NOT && hasPositiveClause(c.getQuery()));
  }

  /** Whether the query names {@code field} anywhere (in any clause, negated ones too). */
  static boolean searches(Query query, String field) {
    boolean[] found = {false};
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String name) {
        found[0] |= name.equals(field);
        return true;
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    return found[0];
  }

  private static int indexOfWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        return i;
      }
    }
    return pattern.length();
  }

  private static int positionOf(String text, String fragment) {
    int at = text.toLowerCase(java.util.Locale.ROOT).indexOf(fragment.toLowerCase(java.util.Locale.ROOT));
    return at < 0 ? -1 : at + 1;
  }

  private static String syntaxMessage(ParseException e) {
    String message = e.getMessage() == null ? "syntax error" : e.getMessage();
    int cut = message.indexOf("\nWas expecting");
    if (cut > 0) {
      message = message.substring(0, cut);
    }
    return "syntax error: " + message.replace("Cannot parse '", "cannot parse '").strip();
  }

  private static int position(ParseException e) {
    Token token = e.currentToken;
    if (token != null && token.next != null) {
      return token.next.beginColumn;
    }
    return -1;
  }
}
