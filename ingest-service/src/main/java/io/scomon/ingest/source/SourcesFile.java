package io.scomon.ingest.source;

import io.scomon.ingest.config.Durations;
import io.scomon.ingest.extract.ExtractionHints;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads and validates sources.yml. Every problem is collected and reported together, each naming
 * the source (id and position) and the key. Strings may use {@code ${NAME}} or {@code
 * ${NAME:-default}}, resolved from the given variables (environment, system properties).
 *
 * <pre>
 * defaults:                       # optional, applies to every source
 *   schedule: {interval: 15m, min: 5m, max: 6h}
 * sources:
 *   - id: tass-en                 # [a-z0-9][a-z0-9._-]*, unique
 *     name: TASS (English)
 *     kind: feed                  # feed (rss, atom) | sitemap | section | forum-board | forum-thread
 *     url: https://tass.com/rss/v2.xml
 *     language: en
 *     links: {regex: '...'}       # or {glob: '...'}; section pages (required) and boards
 *     schedule: {interval: 10m, min: 2m, max: 2h}
 *     extraction: {body: 'div.text', title: 'h1', author: '.byline', date: 'time', remove: ['.share']}
 *     allowPrivateAddresses: false
 *     maxThreadPages: 5           # forum sources
 *     enabled: true
 * </pre>
 */
public final class SourcesFile {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.]+)(?::-([^}]*))?}");
  private static final Set<String> TOP_KEYS = Set.of("defaults", "sources");
  private static final Set<String> DEFAULT_KEYS = Set.of("schedule", "allowPrivateAddresses");
  private static final Set<String> SOURCE_KEYS = Set.of("id", "name", "kind", "url", "language", "links",
      "schedule", "extraction", "allowPrivateAddresses", "maxThreadPages", "enabled");
  private static final Set<String> SCHEDULE_KEYS = Set.of("interval", "min", "max");
  private static final Set<String> LINK_KEYS = Set.of("regex", "glob");
  private static final Set<String> EXTRACTION_KEYS = Set.of("body", "title", "author", "date", "remove");
  private static final Duration FLOOR = Duration.ofSeconds(1);
  private static final Duration CEILING = Duration.ofDays(30);
  private static final PollSchedule FALLBACK_SCHEDULE =
      new PollSchedule(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofHours(6));

  private final String origin;
  private final Function<String, String> variables;
  private final List<String> problems = new ArrayList<>();

  private SourcesFile(String origin, Function<String, String> variables) {
    this.origin = origin;
    this.variables = variables;
  }

  /** Environment variables, then system properties. */
  public static Function<String, String> environment() {
    return name -> {
      String v = System.getenv(name);
      return v != null ? v : System.getProperty(name);
    };
  }

  /** Reads {@code classpath:resource} or a file path. */
  public static SourceList load(String location, Function<String, String> variables) {
    String yaml;
    try {
      if (location.startsWith("classpath:")) {
        String resource = location.substring("classpath:".length());
        try (InputStream in = SourcesFile.class.getClassLoader().getResourceAsStream(resource)) {
          if (in == null) {
            throw new SourcesException(location, "no such resource on the classpath", null);
          }
          yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      } else {
        yaml = Files.readString(Path.of(location), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new SourcesException(location, "cannot read it: " + e.getMessage(), e);
    }
    return parse(yaml, location, variables);
  }

  /** Parses and validates YAML text; {@code origin} names it in messages. */
  public static SourceList parse(String yaml, String origin, Function<String, String> variables) {
    return new SourcesFile(origin, variables).read(yaml);
  }

  private SourceList read(String yaml) {
    Object root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      root = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (YAMLException e) {
      throw new SourcesException(origin, "not valid YAML: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new SourcesException(origin, List.of("the file must be a mapping with a 'sources' list"));
    }
    unknownKeys(top, TOP_KEYS, "top level", "");
    PollSchedule defaultSchedule = FALLBACK_SCHEDULE;
    boolean defaultPrivate = false;
    if (top.get("defaults") instanceof Map<?, ?> defaults) {
      unknownKeys(defaults, DEFAULT_KEYS, "defaults", "");
      if (defaults.containsKey("schedule")) {
        PollSchedule s = schedule(defaults.get("schedule"), FALLBACK_SCHEDULE, "defaults");
        defaultSchedule = s == null ? FALLBACK_SCHEDULE : s;
      }
      Boolean p = bool(defaults.get("allowPrivateAddresses"), "defaults", "allowPrivateAddresses");
      defaultPrivate = p != null && p;
    } else if (top.containsKey("defaults")) {
      problems.add("defaults: must be a mapping");
    }
    Object list = top.get("sources");
    if (!(list instanceof List<?> entries)) {
      problems.add("key 'sources': must be a list of sources");
      throw new SourcesException(origin, problems);
    }
    List<Source> sources = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < entries.size(); i++) {
      Object entry = entries.get(i);
      String where = "source #" + (i + 1);
      if (!(entry instanceof Map<?, ?> map)) {
        problems.add(where + ": must be a mapping");
        continue;
      }
      Source s = source(map, where, defaultSchedule, defaultPrivate, ids);
      if (s != null) {
        sources.add(s);
      }
    }
    if (!problems.isEmpty()) {
      throw new SourcesException(origin, problems);
    }
    return new SourceList(sources);
  }

  private Source source(Map<?, ?> map, String position, PollSchedule defaultSchedule, boolean defaultPrivate,
      Set<String> ids) {
    int before = problems.size();
    String id = text(map.get("id"), position, "id");
    String where = id == null ? position : "source '" + id + "' (" + position + ")";
    if (id == null) {
      problems.add(where + ": key 'id': required");
    } else if (!ID.matcher(id).matches()) {
      problems.add(where + ": key 'id': '" + id + "' must match " + ID.pattern());
    } else if (!ids.add(id)) {
      problems.add(where + ": key 'id': '" + id + "' is used by another source");
    }
    unknownKeys(map, SOURCE_KEYS, where, "");
    String name = text(map.get("name"), where, "name");
    String kindText = text(map.get("kind"), where, "kind");
    SourceKind kind = null;
    if (kindText == null) {
      problems.add(where + ": key 'kind': required, one of " + SourceKind.names());
    } else {
      kind = SourceKind.fromYaml(kindText).orElse(null);
      if (kind == null) {
        problems.add(where + ": key 'kind': '" + kindText + "' is not one of " + SourceKind.names());
      }
    }
    String urlText = text(map.get("url"), where, "url");
    URI url = null;
    if (map.get("url") == null) {
      problems.add(where + ": key 'url': required");
    } else if (urlText != null) {
      url = url(urlText, where);
    }
    String language = text(map.get("language"), where, "language");
    if (language != null && !language.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
      problems.add(where + ": key 'language': '" + language + "' is not a BCP 47 tag like en, ru or zh-CN");
    }
    LinkPattern links = links(map.get("links"), where);
    if (kind == SourceKind.SECTION && links == null && map.get("links") == null) {
      problems.add(where + ": key 'links': required for a section page (links: {regex: ...} or {glob: ...})");
    }
    PollSchedule schedule = map.containsKey("schedule") ? schedule(map.get("schedule"), defaultSchedule, where)
        : defaultSchedule;
    ExtractionHints hints = hints(map.get("extraction"), where);
    Boolean allowPrivate = bool(map.get("allowPrivateAddresses"), where, "allowPrivateAddresses");
    Integer maxPages = integer(map.get("maxThreadPages"), where, "maxThreadPages", 1, 1000);
    Boolean enabled = bool(map.get("enabled"), where, "enabled");
    if (problems.size() > before || (enabled != null && !enabled)) {
      return null;
    }
    return new Source(id, name == null ? id : name, kind, url, language, links, schedule, hints,
        allowPrivate == null ? defaultPrivate : allowPrivate, maxPages == null ? 0 : maxPages);
  }

  private URI url(String text, String where) {
    try {
      URI u = new URI(text);
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problems.add(where + ": key 'url': '" + text + "' must be an absolute http or https URL");
        return null;
      }
      if (u.getHost() == null || u.getHost().isEmpty()) {
        problems.add(where + ": key 'url': '" + text + "' has no host");
        return null;
      }
      if (u.getUserInfo() != null) {
        problems.add(where + ": key 'url': user names and passwords in URLs are not supported");
        return null;
      }
      return u;
    } catch (URISyntaxException e) {
      problems.add(where + ": key 'url': '" + text + "' is not a URL: " + e.getReason());
      return null;
    }
  }

  private LinkPattern links(Object value, String where) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(where + ": key 'links': must be {regex: ...} or {glob: ...}");
      return null;
    }
    unknownKeys(map, LINK_KEYS, where, "links.");
    String regex = text(map.get("regex"), where, "links.regex");
    String glob = text(map.get("glob"), where, "links.glob");
    if ((regex == null) == (glob == null)) {
      problems.add(where + ": key 'links': give exactly one of 'regex' and 'glob'");
      return null;
    }
    if (glob != null) {
      return LinkPattern.glob(glob);
    }
    try {
      return LinkPattern.regex(regex);
    } catch (PatternSyntaxException e) {
      problems.add(where + ": key 'links.regex': not a regular expression: " + e.getDescription()
          + " near index " + e.getIndex());
      return null;
    }
  }

  private PollSchedule schedule(Object value, PollSchedule base, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(where + ": key 'schedule': must be {interval: 15m, min: 5m, max: 6h}");
      return null;
    }
    unknownKeys(map, SCHEDULE_KEYS, where, "schedule.");
    Duration interval = duration(map.get("interval"), where, "schedule.interval");
    Duration min = duration(map.get("min"), where, "schedule.min");
    Duration max = duration(map.get("max"), where, "schedule.max");
    int before = problems.size();
    interval = interval == null ? base.interval() : interval;
    min = min == null ? (map.containsKey("min") ? base.min() : minOf(base.min(), interval)) : min;
    max = max == null ? (map.containsKey("max") ? base.max() : maxOf(base.max(), interval)) : max;
    if (problems.size() > before) {
      return null;
    }
    if (min.compareTo(FLOOR) < 0) {
      problems.add(where + ": key 'schedule.min': " + Durations.format(min) + " is below the floor of 1s");
    } else if (max.compareTo(CEILING) > 0) {
      problems.add(where + ": key 'schedule.max': " + Durations.format(max) + " is above the ceiling of 30d");
    } else if (min.compareTo(interval) > 0) {
      problems.add(where + ": key 'schedule.min': " + Durations.format(min) + " is longer than schedule.interval "
          + Durations.format(interval));
    } else if (interval.compareTo(max) > 0) {
      problems.add(where + ": key 'schedule.max': " + Durations.format(max) + " is shorter than schedule.interval "
          + Durations.format(interval));
    } else {
      return new PollSchedule(interval, min, max);
    }
    return null;
  }

  private ExtractionHints hints(Object value, String where) {
    if (value == null) {
      return ExtractionHints.NONE;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problems.add(where + ": key 'extraction': must be a mapping of CSS selectors");
      return ExtractionHints.NONE;
    }
    unknownKeys(map, EXTRACTION_KEYS, where, "extraction.");
    String body = selector(map.get("body"), where, "extraction.body");
    String title = selector(map.get("title"), where, "extraction.title");
    String author = selector(map.get("author"), where, "extraction.author");
    String date = selector(map.get("date"), where, "extraction.date");
    List<String> remove = new ArrayList<>();
    Object r = map.get("remove");
    if (r instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        String sel = selector(list.get(i), where, "extraction.remove[" + i + "]");
        if (sel != null) {
          remove.add(sel);
        }
      }
    } else if (r != null) {
      String sel = selector(r, where, "extraction.remove");
      if (sel != null) {
        remove.add(sel);
      }
    }
    return new ExtractionHints(body, title, author, date, remove, null, null);
  }

  private String selector(Object value, String where, String key) {
    String sel = text(value, where, key);
    if (sel == null) {
      return null;
    }
    try {
      QueryParser.parse(sel);
      return sel;
    } catch (Selector.SelectorParseException e) {
      problems.add(where + ": key '" + key + "': '" + sel + "' is not a CSS selector: " + e.getMessage());
      return null;
    }
  }

  private Duration duration(Object value, String where, String key) {
    String t = text(value, where, key);
    if (t == null) {
      return null;
    }
    try {
      return Durations.parse(t);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": key '" + key + "': " + e.getMessage());
      return null;
    }
  }

  private Boolean bool(Object value, String where, String key) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String t = text(value, where, key);
    if ("true".equalsIgnoreCase(t) || "false".equalsIgnoreCase(t)) {
      return Boolean.valueOf(t);
    }
    problems.add(where + ": key '" + key + "': '" + value + "' is not true or false");
    return null;
  }

  private Integer integer(Object value, String where, String key, int min, int max) {
    if (value == null) {
      return null;
    }
    try {
      int n = value instanceof Number num ? num.intValue() : Integer.parseInt(text(value, where, key));
      if (n < min || n > max) {
        problems.add(where + ": key '" + key + "': " + n + " is outside " + min + ".." + max);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(where + ": key '" + key + "': '" + value + "' is not a whole number");
      return null;
    }
  }

  /** A scalar as text with variables resolved, or null when absent; a non-scalar is a problem. */
  private String text(Object value, String where, String key) {
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      problems.add(where + ": key '" + key + "': must be a single value");
      return null;
    }
    String raw = value.toString().strip();
    Matcher m = VARIABLE.matcher(raw);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = variables.apply(m.group(1));
      if (v == null) {
        v = m.group(2);
      }
      if (v == null) {
        problems.add(where + ": key '" + key + "': variable ${" + m.group(1) + "} is not set");
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    String s = out.toString().strip();
    return s.isEmpty() ? null : s;
  }

  private void unknownKeys(Map<?, ?> map, Set<String> allowed, String where, String prefix) {
    Map<String, Object> unknown = new LinkedHashMap<>();
    map.forEach((k, v) -> {
      if (!allowed.contains(String.valueOf(k))) {
        unknown.put(String.valueOf(k), v);
      }
    });
    unknown.keySet().forEach(k -> problems.add(where + ": key '" + prefix + k + "': unknown key (known: "
        + allowed.stream().sorted().toList() + ")"));
  }

  private static Duration minOf(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration maxOf(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
