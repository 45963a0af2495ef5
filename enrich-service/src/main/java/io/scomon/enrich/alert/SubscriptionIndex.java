package io.scomon.enrich.alert;

import io.scomon.schemas.EnrichedArticle;
import io.scomon.schemas.Entity;
import io.scomon.schemas.EntityType;
import io.scomon.schemas.Subscription;
import io.scomon.schemas.SubscriptionFilters;
import io.scomon.schemas.TopicTag;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorConfiguration;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active subscriptions of this instance, their queries registered in a Lucene {@link Monitor}:
 * its presearcher indexes the queries' terms, so an article is run only against the queries that
 * could match it and cost grows far slower than the number of subscriptions. Two presearcher passes
 * (a conjunction is a candidate only when two of its terms occur) made matching 2.8 times faster than
 * one pass on MatchingBenchmark's news workload; three were slower again. Filters (topics,
 * languages, countries, sources) are checked on the candidates, before their queries are run
 * ({@link HitsMatcher}).
 *
 * <p>Changes are registered with the Monitor in batches, when the next article is matched: each
 * registration commits the Monitor's query index and rebuilds its term filter, so registering the
 * 10,000 subscriptions of a restart one by one took time growing with the square of their number,
 * and left the index in many small segments that every match then searched. Thread-safe.
 */
public final class SubscriptionIndex implements Closeable {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionIndex.class);

  private final Monitor monitor;
  private final HitsMatcher matcher = new HitsMatcher();
  private final SubscriptionQueryParser parser;
  private final int maxChars;
  private final Map<String, Subscription> active = new ConcurrentHashMap<>();
  /** Changes not yet in the Monitor, by subscription id: a query to register, or null to delete. */
  private final Map<String, MonitorQuery> pending = new LinkedHashMap<>();
  /**
   * Registered subscriptions that name the field body: (the article's body is then indexed a second
   * time); changed only with the Monitor's queries, under {@link #registration}'s write lock.
   */
  private final Set<String> searchingBody = new HashSet<>();
  private boolean indexBody;
  /** Matches read the Monitor's queries and {@link #indexBody} together; registering changes both. */
  private final ReentrantReadWriteLock registration = new ReentrantReadWriteLock();

  /**
   * @param analyzer the analyzer of the tagger, so queries fold words as tags do
   * @param maxChars body characters matched at most (bounds the cost of huge articles)
   */
  public SubscriptionIndex(Analyzer analyzer, int maxChars) {
    this.parser = new SubscriptionQueryParser(analyzer);
    this.maxChars = maxChars;
    try {
      this.monitor = new Monitor(analyzer, new MultipassTermFilteredPresearcher(2), new FewSegments());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the in-memory subscription monitor", e);
    }
  }

  /** Adds or replaces a subscription; an inactive one is removed. Throws on an invalid query. */
  public void upsert(Subscription subscription) {
    if (!subscription.getActive()) {
      remove(subscription.getId());
      return;
    }
    Query query = parser.parse(subscription.getQuery());
    synchronized (pending) {
      pending.put(subscription.getId(), new MonitorQuery(subscription.getId(), query, subscription.getQuery(), Map.of()));
      active.put(subscription.getId(), subscription);
    }
  }

  public void remove(String id) {
    synchronized (pending) {
      if (active.remove(id) != null) {
        pending.put(id, null);
      }
    }
  }

  /** Registers and deletes what changed since the last match, in one commit each. */
  private void applyPending() {
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      List<String> deletes = new ArrayList<>();
      List<MonitorQuery> registers = new ArrayList<>();
      pending.forEach((id, query) -> {
        if (query == null) {
          deletes.add(id);
        } else {
          registers.add(query);
        }
      });
      registration.writeLock().lock();
      try {
        if (!deletes.isEmpty()) {
          monitor.deleteById(deletes);
        }
        if (!registers.isEmpty()) {
          monitor.register(registers);
        }
        deletes.forEach(searchingBody::remove);
        for (MonitorQuery query : registers) {
          if (SubscriptionQueryParser.searches(query.getQuery(), SubscriptionQueryParser.BODY)) {
            searchingBody.add(query.getId());
          } else {
            searchingBody.remove(query.getId());
          }
        }
        indexBody = !searchingBody.isEmpty();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot update the subscription monitor", e);
      } finally {
        registration.writeLock().unlock();
      }
      pending.clear();
      matcher.clear();
    }
  }

  public int size() {
    return active.size();
  }

  public boolean contains(String id) {
    return active.containsKey(id);
  }

  /** The subscriptions the article matches (query and filters), with matched words and snippet. */
  public List<SubscriptionMatch> match(EnrichedArticle article) {
    applyPending();
    if (active.isEmpty()) {
      return List.of();
    }
    String title = article.getArticle().getTitle();
    String body = article.getArticle().getBody();
    if (body.length() > maxChars) {
      body = body.substring(0, maxChars);
    }
    // title and body as two values of one field: the body's offsets then start after the title's
    // and the analyzer's offset gap (1), unless the title has no word to index
    boolean titled = title.codePoints().anyMatch(Character::isLetterOrDigit);
    int bodyStart = titled ? title.length() + 1 : 0;
    Document document = new Document();
    if (titled) {
      document.add(new TextField(SubscriptionQueryParser.TEXT, title, Field.Store.NO));
    }
    document.add(new TextField(SubscriptionQueryParser.TEXT, body, Field.Store.NO));
    document.add(new TextField(SubscriptionQueryParser.TITLE, title, Field.Store.NO));
    Facets facets = Facets.of(article);
    Predicate<String> wanted = id -> {
      Subscription subscription = active.get(id);
      return subscription != null && facets.pass(subscription.getFilters());
    };
    MatchingQueries<HitsMatch> matches;
    registration.readLock().lock();
    try {
      if (indexBody) {
        document.add(new TextField(SubscriptionQueryParser.BODY, body, Field.Store.NO));
      }
      matches = monitor.match(document, matcher.factory(wanted, bodyStart));
    } catch (IOException e) {
      throw new UncheckedIOException("matching against subscriptions failed", e);
    } finally {
      registration.readLock().unlock();
    }
    // the Monitor records a query that failed instead of throwing: not matched, so say so
    matches.getErrors().forEach((id, e) -> LOG.warn("subscription {} could not be matched against article {}",
        id, article.getArticle().getId(), e));
    List<SubscriptionMatch> out = new ArrayList<>();
    for (HitsMatch match : matches.getMatches()) {
      Subscription subscription = active.get(match.getQueryId());
      if (subscription != null) {
        out.add(new SubscriptionMatch(subscription, Snippets.matchedTerms(match, title, body),
            Snippets.snippet(match, title, body)));
      }
    }
    return out;
  }

  /**
   * The Monitor's query index in at most two segments: every match looks up the article's words in
   * each segment. With the Monitor's defaults, a restart with 10,000 subscriptions left two
   * segments (it commits every 5,000 registrations) and later changes added more; one segment
   * instead of two made matching 1.27 times faster on MatchingBenchmark. Merges run in the
   * committing thread, before the Monitor opens its new searcher ({@link SmallOnesMerged}).
   */
  private static final class FewSegments extends MonitorConfiguration {

    @Override
    protected IndexWriterConfig getIndexWriterConfig() {
      return new IndexWriterConfig(new KeywordAnalyzer())
          .setMergePolicy(new SmallOnesMerged())
          .setMergeScheduler(new SerialMergeScheduler())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }
  }

  /**
   * Keeps one large segment and at most one small one: the small segments that changes add are
   * merged together (cheap), and into the large one once they hold an eighth of its documents (a
   * full merge costs some 80 ms at 10,000 subscriptions).
   */
  static final class SmallOnesMerged extends FilterMergePolicy {

    SmallOnesMerged() {
      super(new TieredMergePolicy());
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context) {
      List<SegmentCommitInfo> idle = new ArrayList<>();
      for (SegmentCommitInfo info : infos) {
        if (!context.getMergingSegments().contains(info)) {
          idle.add(info);
        }
      }
      if (idle.size() < 2) {
        return null;
      }
      idle.sort(Comparator.comparingInt((SegmentCommitInfo info) -> info.info.maxDoc()).reversed());
      int small = idle.stream().skip(1).mapToInt(info -> info.info.maxDoc()).sum();
      List<SegmentCommitInfo> merged = small * 8 >= idle.get(0).info.maxDoc() ? idle : idle.subList(1, idle.size());
      if (merged.size() < 2) {
        return null;
      }
      MergeSpecification merge = new MergeSpecification();
      merge.add(new OneMerge(List.copyOf(merged)));
      return merge;
    }
  }

  /** What subscription filters look at in an article, computed once for all candidates. */
  private record Facets(Set<String> topics, String language, Set<String> countries, String sourceId, String sourceType) {

    static Facets of(EnrichedArticle article) {
      return new Facets(
          article.getTopics().stream().map(TopicTag::getName).collect(Collectors.toSet()),
          article.getLanguage(),
          article.getEntities().stream().filter(e -> e.getType() == EntityType.COUNTRY).map(Entity::getId)
              .collect(Collectors.toSet()),
          article.getArticle().getSourceId(),
          article.getArticle().getSourceType().name());
    }

    boolean pass(SubscriptionFilters filters) {
      return anyOf(filters.getTopics(), topics)
          && anyIs(filters.getLanguages(), language)
          && anyOf(filters.getCountries(), countries)
          && anyIs(filters.getSourceIds(), sourceId)
          && (filters.getSourceTypes().isEmpty() || filters.getSourceTypes().stream().anyMatch(t -> t.name().equals(sourceType)));
    }
  }

  private static boolean anyIs(Collection<String> wanted, String present) {
    return wanted.isEmpty() || wanted.contains(present);
  }

  private static boolean anyOf(Collection<String> wanted, Set<String> present) {
    return wanted.isEmpty() || wanted.stream().anyMatch(present::contains);
  }

  @Override
  public void close() {
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
