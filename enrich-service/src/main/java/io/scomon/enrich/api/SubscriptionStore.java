package io.scomon.enrich.api;

import io.scomon.schemas.Subscription;
import java.util.List;
import java.util.Optional;

/** Where the API keeps subscriptions: the compacted topic in production, a map in tests. */
public interface SubscriptionStore {

  Optional<Subscription> get(String id);

  List<Subscription> list();

  /** Stores a new or changed subscription; returns once readers of the store see it. */
  void put(Subscription subscription);

  /** Deletes; returns once readers of the store no longer see it. */
  void delete(String id);
}
