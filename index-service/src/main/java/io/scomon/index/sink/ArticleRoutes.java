package io.scomon.index.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scomon.index.document.IndexDocument;
import io.scomon.index.document.IndexNames;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Keeps every article in the month index it was first written to. An article's month comes from its
 * publish date (or fetch date), which a later copy may change; writing that copy by the new month
 * would leave two documents with the same id under the alias. So the first month of each article is
 * recorded in the {@code scomon-routing} index (a create-once document per article id, read back with
 * a realtime multi-get, which sees writes not yet refreshed) with an LRU cache in front, and later
 * copies go to that month. Their {@code @timestamp} still shows the new date.
 *
 * <p>Used by the consumer thread only.
 */
public final class ArticleRoutes {

  /** The routing document's source. */
  public record Route(String index) {}

  private final ElasticsearchClient client;
  private final ObjectMapper mapper;
  private final Map<String, String> cache;

  public ArticleRoutes(ElasticsearchClient client, ObjectMapper mapper, int cacheSize) {
    this.client = client;
    this.mapper = mapper;
    this.cache = new LinkedHashMap<>(Math.min(cacheSize, 1 << 16), 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > cacheSize;
      }
    };
  }

  /** The month index of each article already written; articles never seen are absent. */
  public Map<String, String> lookup(Collection<String> articleIds) throws RoutingUnavailableException {
    Map<String, String> known = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : new LinkedHashSet<>(articleIds)) {
      String index = cache.get(id);
      if (index != null) {
        known.put(id, index);
      } else {
        missing.add(id);
      }
    }
    if (missing.isEmpty()) {
      return known;
    }
    try {
      MgetResponse<Route> response = client.mget(m -> m.index(IndexNames.ROUTING).ids(missing).realtime(true),
          Route.class);
      for (MultiGetResponseItem<Route> item : response.docs()) {
        if (item.isResult() && item.result().found() && item.result().source() != null) {
          String index = item.result().source().index();
          known.put(item.result().id(), index);
          cache.put(item.result().id(), index);
        } else if (item.isFailure() && !"index_not_found_exception".equals(item.failure().error().type())) {
          throw new RoutingUnavailableException(missing.size(),
              new IllegalStateException(item.failure().error().type() + ": " + item.failure().error().reason()));
        }
      }
      return known;
    } catch (ElasticsearchException e) {
      if ("index_not_found_exception".equals(e.error().type())) {
        return known; // no routing index: nothing was ever written (or it was deleted by hand)
      }
      throw new RoutingUnavailableException(missing.size(), e);
    } catch (IOException | RuntimeException e) {
      throw new RoutingUnavailableException(missing.size(), e);
    }
  }

  /** Records that an article now lives in {@code index}; returns the create-once routing document to write. */
  public IndexDocument remember(String articleId, String index) {
    cache.put(articleId, index);
    byte[] source;
    try {
      source = mapper.writeValueAsString(new Route(index)).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a routing entry", e);
    }
    return new IndexDocument(IndexDocument.Kind.ROUTE, IndexNames.ROUTING, articleId, null, source);
  }
}
