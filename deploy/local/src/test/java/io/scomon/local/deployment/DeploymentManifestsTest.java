package io.scomon.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.scomon.schemas.topic.Topic;
import io.scomon.schemas.topic.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Offline checks of the deployment files ({@code deploy/compose}, {@code deploy/k8s}, {@code deploy/docker})
 * against the services themselves: the keys of each service's defaults file (every environment variable a
 * manifest sets must override one of them), the ports they configure, the paths their operations servers
 * serve, the topics of {@link Topics}, and the versions of the root pom. No network, no Docker; the one check
 * that needs {@code kubectl} is skipped (with a message) where it is missing. Every failure names the file and
 * the problem.
 */
class DeploymentManifestsTest {

  /** Variables a service container may set besides its configuration keys: read by the image's entrypoint. */
  private static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_OPTS");
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
  private static final String HEALTH_COMMAND = "scomon-health";
  private static final String HEALTH_DEFAULT_PATH = "/health/ready";
  private static final String BUILD_IMAGE = "maven:3.9-eclipse-temurin-17";
  private static final String RUNTIME_IMAGE = "eclipse-temurin:17-jre";
  private static final String KAFKA_IMAGE = "apache/kafka";
  private static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch";
  private static final String KIBANA_IMAGE = "docker.elastic.co/kibana/kibana";
  private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
  private static final Pattern CONTEXT = Pattern.compile("createContext\\(\\s*\"(/[^\"]*)\"");
  private static final Pattern INTERPOLATION =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");
  /** Ports a service listens on (not those it connects to, such as index.deliver.email.smtp-port). */
  private static final Pattern SERVER_PORT = Pattern.compile("[a-z]+\\.(?:[a-z-]+\\.)*(?:http|api)\\.port");
  private static final Pattern TOPIC_LINE = Pattern.compile("^topic\\s+(\\S+)\\s+(\\d+)((?:\\s+\\S+=\\S+)*)\\s*$");

  private static Path root;
  private static Path compose;
  private static Path k8s;
  private static Path dockerfile;
  private static List<Service> services;
  private static String projectVersion;
  private static String kafkaVersion;
  private static String elasticsearchVersion;

  // ---------------------------------------------------------------------------------------------------------------
  // the services as their own code defines them
  // ---------------------------------------------------------------------------------------------------------------

  /** A port the service listens on ({@code *.http.port}, {@code *.api.port}) and the key of its address, if any. */
  record Listener(String portKey, String hostKey) {}

  record Service(String name, String module, String mainClass, String inputTopic, Path defaultsFile,
      Properties defaults, Set<String> servedPaths) {

    String image() {
      return "scomon/" + module;
    }

    String defaultsName() {
      return root.relativize(defaultsFile).toString();
    }

    String opsPortKey() {
      return name + ".http.port";
    }

    /** Environment variable name to key: upper case, every character other than a letter or digit as '_'. */
    Map<String, String> keysByVariable() {
      Map<String, String> byVariable = new TreeMap<>();
      defaults.stringPropertyNames().forEach(k -> byVariable.put(envName(k), k));
      return byVariable;
    }

    List<Listener> listeners() {
      return defaults.stringPropertyNames().stream().sorted()
          .filter(k -> SERVER_PORT.matcher(k).matches())
          .map(k -> {
            String host = k.substring(0, k.length() - ".port".length()) + ".host";
            return new Listener(k, defaults.containsKey(host) ? host : null);
          })
          .toList();
    }

    Listener opsListener() {
      return listeners().stream().filter(l -> l.portKey().equals(opsPortKey())).findFirst()
          .orElseThrow(() -> new AssertionError(defaultsName() + " declares no " + opsPortKey()));
    }

    /** The configuration with {@code environment} over the defaults (variables that name no key are ignored). */
    Map<String, String> effective(Map<String, String> environment) {
      Map<String, String> config = new TreeMap<>();
      defaults.stringPropertyNames().forEach(k -> config.put(k, defaults.getProperty(k).strip()));
      Map<String, String> keys = keysByVariable();
      environment.forEach((variable, value) -> {
        String key = keys.get(variable);
        if (key != null && value != null) {
          config.put(key, value.strip());
        }
      });
      return config;
    }

    static int port(Listener l, Map<String, String> config) {
      try {
        return Integer.parseInt(config.get(l.portKey()));
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    /** Whether something outside the container (kubelet, Service, published port) can reach the listener. */
    static boolean reachable(Listener l, Map<String, String> config) {
      return l.hostKey() != null && !LOOPBACK.contains(config.get(l.hostKey()));
    }

    String describeListeners(Map<String, String> config) {
      return listeners().stream().map(l -> l.portKey() + "=" + config.get(l.portKey()))
          .collect(Collectors.joining(", "));
    }

    String unreachableReason(Listener l, Map<String, String> config) {
      return l.hostKey() == null
          ? l.portKey() + " listens on 127.0.0.1 only (" + defaultsName() + " has no "
              + l.portKey().replace(".port", ".host") + " key)"
          : l.portKey() + " listens on " + config.get(l.hostKey()) + " (set " + envName(l.hostKey()) + "=0.0.0.0)";
    }
  }

  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @BeforeAll
  static void readTheServices() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !(Files.isDirectory(dir.resolve("deploy")) && Files.isRegularFile(dir.resolve("pom.xml"))
        && Files.readString(dir.resolve("pom.xml")).contains("<artifactId>scomon-parent</artifactId>"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root (a parent of %s with the scomon-parent pom.xml)",
        Path.of("").toAbsolutePath()).isNotNull();
    root = dir;
    compose = root.resolve("deploy/compose");
    k8s = root.resolve("deploy/k8s");
    dockerfile = root.resolve("deploy/docker/Dockerfile");

    String pom = Files.readString(root.resolve("pom.xml"));
    projectVersion = pomValue(pom, "<artifactId>scomon-parent</artifactId>\\s*<version>([^<]+)</version>");
    kafkaVersion = pomValue(pom, "<kafka.version>([^<]+)</kafka.version>");
    elasticsearchVersion = pomValue(pom, "<elasticsearch.version>([^<]+)</elasticsearch.version>");

    services = List.of(
        service("ingest", "io.scomon.ingest.IngestApp", Topics.FETCH_REQUESTS.name()),
        service("enrich", "io.scomon.enrich.EnrichApp", Topics.ARTICLES.name()),
        service("index", "io.scomon.index.IndexApp", Topics.ARTICLES_ENRICHED.name()));
  }

  private static String pomValue(String pom, String regex) {
    Matcher m = Pattern.compile(regex).matcher(pom);
    assertThat(m.find()).as("pom.xml: %s", regex).isTrue();
    return m.group(1).strip();
  }

  private static Service service(String name, String mainClass, String inputTopic) throws IOException {
    String module = name + "-service";
    Path defaultsFile = root.resolve(module + "/src/main/resources/" + name + "-defaults.properties");
    assertThat(defaultsFile).as("the defaults file of %s", module).isRegularFile();
    Properties defaults = new Properties();
    try (InputStream in = Files.newInputStream(defaultsFile)) {
      defaults.load(in);
    }
    Set<String> served = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(root.resolve(module + "/src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = CONTEXT.matcher(Files.readString(source));
        while (m.find()) {
          served.add(m.group(1));
        }
      }
    }
    return new Service(name, module, mainClass, inputTopic, defaultsFile, defaults, served);
  }

  private static Service serviceByImage(String image) {
    String repository = repository(image);
    return services.stream().filter(s -> s.image().equals(repository)).findFirst().orElse(null);
  }

  private static Service serviceByName(String name) {
    return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // the tests
  // ---------------------------------------------------------------------------------------------------------------

  @Test
  void everyYamlFileParses() throws IOException {
    Problems problems = new Problems();
    List<Path> files = yamlFiles(compose, k8s);
    assertThat(files).as("YAML files under deploy/compose and deploy/k8s").isNotEmpty();
    for (Path file : files) {
      List<Object> documents = loadYaml(file, problems);
      if (documents != null && documents.stream().allMatch(Objects::isNull)) {
        problems.add(file, "holds no YAML document");
      }
    }
    problems.assertNone();
  }

  @Test
  void theServicesDeclareWhatTheManifestsRelyOn() throws IOException {
    Problems problems = new Problems();
    for (Service s : services) {
      Path configDir = root.resolve(s.module() + "/src/main/java/io/scomon/" + s.name() + "/config");
      if (!Files.isDirectory(configDir)) {
        problems.add(configDir, "is missing: where does " + s.module() + " load its configuration now?");
        continue;
      }
      String loaders;
      try (Stream<Path> files = Files.list(configDir)) {
        loaders = files.filter(p -> p.toString().endsWith(".java")).map(DeploymentManifestsTest::read)
            .collect(Collectors.joining("\n"));
      }
      if (!loaders.contains(s.defaultsFile().getFileName().toString())) {
        problems.add(configDir, "no config loader reads " + s.defaultsFile().getFileName()
            + " any more: the manifests are checked against the wrong file");
      }
      Path main = root.resolve(s.module() + "/src/main/java/" + s.mainClass().replace('.', '/') + ".java");
      if (!Files.isRegularFile(main)) {
        problems.add(main, "main class " + s.mainClass() + " that the image starts does not exist");
      }
      if (!s.defaults().containsKey(s.opsPortKey())) {
        problems.add(s.defaultsFile(), "declares no " + s.opsPortKey() + " (health and metrics port)");
      }
      for (String path : List.of("/health/live", "/health/ready")) {
        if (!s.servedPaths().contains(path)) {
          problems.add(root.resolve(s.module()), "serves no " + path + " (serves " + s.servedPaths() + ")");
        }
      }
      if (topic(s.inputTopic()).isEmpty()) {
        problems.add(root.resolve("schemas"), "Topics defines no " + s.inputTopic() + ", the input of " + s.module());
      }
    }
    problems.assertNone();
  }

  @Test
  void dockerfileBuildsEveryServiceImage() {
    Problems problems = new Problems();
    checkDockerfile(dockerfile, problems);
    problems.assertNone();
  }

  @Test
  void composeStackMatchesTheServices() {
    Problems problems = new Problems();
    Path file = compose.resolve("docker-compose.yml");
    if (!Files.isRegularFile(file)) {
      problems.add(file, "is missing");
    } else {
      Map<String, String> dotEnv = readDotEnv(compose.resolve(".env.example"), problems);
      Object document = single(file, problems);
      checkCompose(file, interpolate(file, document, dotEnv, problems), problems);
    }
    problems.assertNone();
  }

  @Test
  void kustomizationsListOnlyExistingFiles() throws IOException {
    Problems problems = new Problems();
    List<Path> kustomizations = kustomizationDirs();
    assertThat(kustomizations).as("kustomizations under deploy/k8s").isNotEmpty();
    for (Path dir : kustomizations) {
      loadKustomization(dir, problems, new LinkedHashSet<>());
      checkEveryFileIsListed(dir, problems);
    }
    problems.assertNone();
  }

  @Test
  void kubernetesManifestsMatchTheServices() throws IOException {
    Problems problems = new Problems();
    if (!Files.isRegularFile(k8s.resolve("base/kustomization.yaml"))) {
      problems.add(k8s.resolve("base/kustomization.yaml"), "is missing");
    }
    List<Doc> templates = secretTemplates(problems);
    for (Path dir : kustomizationDirs()) {
      List<Doc> docs = loadKustomization(dir, new Problems(), new LinkedHashSet<>());
      checkKubernetes(docs, templates, problems);
    }
    problems.assertNone();
  }

  @Test
  void imagesAreTheSameInComposeKubernetesAndTheDockerfile() throws IOException {
    Problems problems = new Problems();
    Set<String> expected = services.stream().map(Service::image).collect(Collectors.toCollection(TreeSet::new));

    Set<String> built = new TreeSet<>();
    for (Stage stage : parseDockerfile(dockerfile, problems).stages()) {
      stage.label("org.opencontainers.image.title").ifPresent(built::add);
    }
    if (!built.equals(expected)) {
      problems.add(dockerfile, "builds images " + built + " (org.opencontainers.image.title), expected " + expected);
    }

    Path composeFile = compose.resolve("docker-compose.yml");
    Set<String> composed = new TreeSet<>();
    if (Files.isRegularFile(composeFile)) {
      Object document = interpolate(composeFile, single(composeFile, problems),
          readDotEnv(compose.resolve(".env.example"), problems), problems);
      map(map(document).get("services")).forEach((name, definition) -> {
        String image = str(map(definition).get("image"));
        if (image != null && image.startsWith("scomon/")) {
          composed.add(repository(image));
          checkTag(composeFile, "service " + name, image, problems);
        }
      });
    }
    if (!composed.equals(expected)) {
      problems.add(composeFile, "runs images " + composed + ", expected " + expected);
    }

    for (Path dir : kustomizationDirs()) {
      Set<String> deployed = new TreeSet<>();
      Path kustomization = dir.resolve("kustomization.yaml");
      for (Doc doc : loadKustomization(dir, new Problems(), new LinkedHashSet<>())) {
        for (Map<String, Object> container : containers(doc)) {
          String image = str(container.get("image"));
          if (image != null && image.startsWith("scomon/")) {
            deployed.add(repository(image));
            checkTag(doc.file(), doc.what() + " container " + container.get("name"), image, problems);
          }
        }
      }
      if (!deployed.equals(expected)) {
        problems.add(kustomization, "deploys images " + deployed + ", expected " + expected);
      }
      for (Object entry : list(map(single(kustomization, problems)).get("images"))) {
        String name = str(map(entry).get("name"));
        Object tag = map(entry).get("newTag");
        if (name == null || !expected.contains(name) && !name.equals(KAFKA_IMAGE) && !name.equals(ELASTICSEARCH_IMAGE)) {
          problems.add(kustomization, "images: " + name + " is no image of the manifests (" + expected + ")");
        } else if (tag != null && expected.contains(name) && !tag.toString().equals(projectVersion)) {
          problems.add(kustomization, "images: " + name + " newTag " + tag + " is not the project version "
              + projectVersion);
        }
      }
    }
    problems.assertNone();
  }

  @Test
  void topicScriptsCreateTheTopicsOfTheSchemas() throws IOException {
    Problems problems = new Problems();
    List<Path> scripts = new ArrayList<>();
    for (Path dir : List.of(compose, k8s)) {
      try (Stream<Path> files = Files.walk(dir)) {
        List<Path> found = files.filter(p -> p.getFileName().toString().equals("create-topics.sh")).sorted().toList();
        if (found.isEmpty()) {
          problems.add(dir, "has no create-topics.sh: nothing creates the pipeline's topics");
        }
        scripts.addAll(found);
      }
    }
    for (Path script : scripts) {
      checkTopicScript(script, problems);
    }
    problems.assertNone();
  }

  @Test
  void kustomizeBuildsEveryKustomization() throws Exception {
    Optional<Path> kubectl = onPath("kubectl");
    assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH: `kubectl kustomize deploy/k8s/...` was not run"
        + " (every other check of DeploymentManifestsTest ran)");
    Problems problems = new Problems();
    List<Doc> templates = secretTemplates(problems);
    for (Path dir : kustomizationDirs()) {
      if (isComponent(dir)) {
        continue;
      }
      Path out = Files.createTempFile("kustomize", ".yaml");
      Path err = Files.createTempFile("kustomize", ".err");
      try {
        Process p = new ProcessBuilder(kubectl.get().toString(), "kustomize", dir.toString())
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          problems.add(dir, "`kubectl kustomize` did not finish within 120 s");
          continue;
        }
        if (p.exitValue() != 0) {
          problems.add(dir, "`kubectl kustomize` failed (exit " + p.exitValue() + "): " + Files.readString(err).strip());
          continue;
        }
        // the rendered output (patches applied, generated names resolved) must pass the same checks
        Path label = dir.resolve("(rendered by kubectl kustomize)");
        List<Doc> docs = new ArrayList<>();
        int i = 0;
        for (Object document : yaml().loadAll(Files.readString(out))) {
          if (document != null) {
            docs.add(new Doc(label, i++, map(document)));
          }
        }
        checkKubernetes(docs, templates, problems);
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    }
    problems.assertNone();
  }

  /** The checks must themselves catch what they are for: a renamed key, a wrong port, a wrong probe path. */
  @Test
  void theChecksReportWhatIsWrongAndWhere() {
    Problems problems = new Problems();
    Path file = Path.of("example/docker-compose.yml");
    Map<String, Object> document = map(yaml().load("""
        services:
          kafka:
            image: apache/kafka:%s
            healthcheck: {test: ["CMD", "true"]}
          enrich:
            image: scomon/enrich-service:%s
            environment:
              ENRICH_KAFKA_BOOTSTRAP_SERVERS: kafka:9092
              ENRICH_KAFKA_BOOTSTRAP_SERVER: kafka:9092
              ENRICH_API_TOKEN: a-token-long-enough
            ports: ["127.0.0.1:8082:8082"]
            healthcheck: {test: ["CMD", "scomon-health", "8082", "/health/alive"]}
            depends_on: [kafka]
          index:
            image: scomon/index-service:%s
            environment:
              INDEX_KAFKA_BOOTSTRAP_SERVERS: broker:9092
            healthcheck: {test: ["CMD", "scomon-health", "9200", "/health/ready"]}
        """.formatted(kafkaVersion, projectVersion, projectVersion)));
    checkCompose(file, document, problems);
    assertThat(problems.all()).anySatisfy(p -> assertThat(p).startsWith("example/docker-compose.yml:")
            .contains("ENRICH_KAFKA_BOOTSTRAP_SERVER:").contains("enrich-defaults.properties"))
        .anySatisfy(p -> assertThat(p).contains("/health/alive"))
        .anySatisfy(p -> assertThat(p).contains("8082").contains("listens on 127.0.0.1"))
        .anySatisfy(p -> assertThat(p).contains("9200").contains("index.http.port"))
        .anySatisfy(p -> assertThat(p).contains("broker"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Dockerfile
  // ---------------------------------------------------------------------------------------------------------------

  record Instruction(int line, String keyword, String args) {}

  record Stage(String name, String base, List<Instruction> instructions) {

    List<Instruction> all(String keyword) {
      return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    Optional<String> label(String key) {
      return all("LABEL").stream().flatMap(i -> pairs(i.args()).entrySet().stream())
          .filter(e -> e.getKey().equals(key)).map(Map.Entry::getValue).reduce((a, b) -> b);
    }

    Map<String, String> env() {
      Map<String, String> env = new LinkedHashMap<>();
      all("ENV").forEach(i -> env.putAll(pairs(i.args())));
      return env;
    }
  }

  record Dockerfile(Path file, List<Stage> stages) {

    Optional<Stage> stage(String name) {
      return stages.stream().filter(s -> name.equals(s.name())).findFirst();
    }

    /** The stage's own instructions and those of the stages it is built FROM, nearest first. */
    List<Stage> lineage(Stage stage) {
      List<Stage> chain = new ArrayList<>();
      for (Stage s = stage; s != null && !chain.contains(s); s = stage(s.base()).orElse(null)) {
        chain.add(s);
      }
      return chain;
    }

    String externalBase(Stage stage) {
      List<Stage> chain = lineage(stage);
      return chain.get(chain.size() - 1).base();
    }
  }

  private static Dockerfile parseDockerfile(Path file, Problems problems) {
    List<Stage> stages = new ArrayList<>();
    if (!Files.isRegularFile(file)) {
      problems.add(file, "is missing");
      return new Dockerfile(file, stages);
    }
    List<String> lines = List.of(read(file).split("\n", -1));
    StringBuilder current = null;
    int start = 0;
    List<Instruction> instructions = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || (current == null && trimmed.isEmpty())) {
        continue;
      }
      if (current == null) {
        current = new StringBuilder();
        start = i + 1;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
        continue;
      }
      current.append(trimmed);
      String text = current.toString().strip();
      current = null;
      int space = text.indexOf(' ');
      String keyword = (space < 0 ? text : text.substring(0, space)).toUpperCase(Locale.ROOT);
      instructions.add(new Instruction(start, keyword, space < 0 ? "" : text.substring(space + 1).strip()));
    }
    Stage stage = null;
    for (Instruction instruction : instructions) {
      if (instruction.keyword().equals("FROM")) {
        String[] parts = instruction.args().split("\\s+");
        List<String> words = new ArrayList<>();
        for (String p : parts) {
          if (!p.startsWith("--")) {
            words.add(p);
          }
        }
        String name = words.size() >= 3 && words.get(1).equalsIgnoreCase("AS") ? words.get(2) : null;
        stage = new Stage(name, words.get(0), new ArrayList<>());
        stages.add(stage);
      } else if (stage == null) {
        if (!instruction.keyword().equals("ARG")) {
          problems.add(file, "line " + instruction.line() + ": " + instruction.keyword() + " before the first FROM");
        }
      } else {
        stage.instructions().add(instruction);
      }
    }
    return new Dockerfile(file, stages);
  }

  private static void checkDockerfile(Path file, Problems problems) {
    Dockerfile dockerfile = parseDockerfile(file, problems);
    if (dockerfile.stages().isEmpty()) {
      problems.add(file, "has no FROM");
      return;
    }
    List<Stage> builds = dockerfile.stages().stream().filter(s -> s.base().equals(BUILD_IMAGE)).toList();
    if (builds.isEmpty()) {
      problems.add(file, "has no build stage FROM " + BUILD_IMAGE);
    }
    Set<String> installed = new TreeSet<>();
    for (Stage stage : dockerfile.stages()) {
      for (Instruction copy : stage.all("COPY")) {
        List<String> words = shellWords(copy.args());
        if (words.stream().anyMatch(w -> w.startsWith("--from"))) {
          continue;
        }
        List<String> operands = words.stream().filter(w -> !w.startsWith("--")).toList();
        if (operands.size() < 2) {
          problems.add(file, "line " + copy.line() + ": COPY without source and destination");
          continue;
        }
        installed.add(operands.get(operands.size() - 1));
        for (String source : operands.subList(0, operands.size() - 1)) {
          if (!source.equals(".") && !Files.exists(root.resolve(source))) {
            problems.add(file, "line " + copy.line() + ": COPY " + source
                + " names no file of the build context (the repository root)");
          }
        }
      }
    }
    if (installed.stream().noneMatch(d -> d.endsWith("/" + HEALTH_COMMAND))) {
      problems.add(file, "installs no " + HEALTH_COMMAND + " command, which the health checks and probes run");
    }
    for (Service s : services) {
      Optional<Stage> found = dockerfile.stage(s.module());
      if (found.isEmpty()) {
        problems.add(file, "has no stage (target) " + s.module());
        continue;
      }
      Stage stage = found.get();
      String where = "stage " + s.module() + ": ";
      List<Stage> lineage = dockerfile.lineage(stage);
      String base = dockerfile.externalBase(stage);
      if (!base.equals(RUNTIME_IMAGE)) {
        problems.add(file, where + "runs on " + base + ", expected " + RUNTIME_IMAGE);
      }
      String title = stage.label("org.opencontainers.image.title").orElse(null);
      if (!s.image().equals(title)) {
        problems.add(file, where + "LABEL org.opencontainers.image.title is " + title + ", expected " + s.image());
      }
      boolean copiesBuild = stage.all("COPY").stream().anyMatch(c -> builds.stream()
          .anyMatch(b -> b.name() != null && c.args().contains("--from=" + b.name())));
      if (!copiesBuild) {
        problems.add(file, where + "copies nothing from the build stage");
      }
      Map<String, String> env = new LinkedHashMap<>();
      for (int i = lineage.size() - 1; i >= 0; i--) {
        env.putAll(lineage.get(i).env());
      }
      if (!s.mainClass().equals(env.get("SCOMON_MAIN_CLASS"))) {
        problems.add(file, where + "SCOMON_MAIN_CLASS is " + env.get("SCOMON_MAIN_CLASS") + ", expected " + s.mainClass());
      }
      Map<String, String> serviceEnv = new LinkedHashMap<>(env);
      serviceEnv.remove("SCOMON_MAIN_CLASS");
      checkVariables(file, where, s, serviceEnv.keySet(), problems);
      String user = lineage.stream().flatMap(st -> st.all("USER").stream()).map(i -> i.args().split(":")[0])
          .findFirst().orElse("root");
      if (user.equals("root") || user.equals("0")) {
        problems.add(file, where + "runs as root: add a USER that is not root");
      }
      Map<String, String> config = s.effective(env);
      Set<Integer> expose = new TreeSet<>();
      lineage.forEach(st -> st.all("EXPOSE").forEach(i -> {
        for (String p : i.args().split("\\s+")) {
          try {
            expose.add(Integer.parseInt(p.replace("/tcp", "")));
          } catch (NumberFormatException e) {
            problems.add(file, where + "EXPOSE " + p + " is not a port number");
          }
        }
      }));
      Set<Integer> ports = s.listeners().stream().map(l -> Service.port(l, config))
          .collect(Collectors.toCollection(TreeSet::new));
      if (!expose.equals(ports)) {
        problems.add(file, where + "EXPOSE " + expose + ", but " + s.module() + " listens on " + ports + " ("
            + s.describeListeners(config) + ")");
      }
      List<Instruction> healthchecks = stage.all("HEALTHCHECK");
      if (healthchecks.isEmpty()) {
        problems.add(file, where + "has no HEALTHCHECK");
      } else {
        String args = healthchecks.get(healthchecks.size() - 1).args();
        int cmd = args.indexOf("CMD ");
        List<String> command = cmd < 0 ? List.of() : shellWords(args.substring(cmd + 4));
        checkHealthCommand(file, where + "HEALTHCHECK: ", s, config, command, true, problems);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // compose
  // ---------------------------------------------------------------------------------------------------------------

  private static void checkCompose(Path file, Object document, Problems problems) {
    Map<String, Object> top = map(document);
    Map<String, Object> definitions = map(top.get("services"));
    if (definitions.isEmpty()) {
      problems.add(file, "defines no services");
      return;
    }
    Set<String> declaredVolumes = map(top.get("volumes")).keySet();
    Set<String> usedVolumes = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    Path dir = file.toAbsolutePath().getParent();
    boolean kafka = false;
    boolean elasticsearch = false;
    boolean kibana = false;
    boolean dashboards = false;
    for (Map.Entry<String, Object> entry : definitions.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> definition = map(entry.getValue());
      String where = "service " + name + ": ";
      String image = str(definition.get("image"));
      boolean oneShot = "no".equals(str(definition.get("restart")));
      if (image == null) {
        problems.add(file, where + "has no image");
        continue;
      }
      Map<String, String> environment = composeEnvironment(definition.get("environment"));
      // healthchecks on every long-running container
      Map<String, Object> healthcheck = map(definition.get("healthcheck"));
      if (!oneShot && (healthcheck.isEmpty() || Boolean.TRUE.equals(healthcheck.get("disable")))) {
        problems.add(file, where + "has no healthcheck");
      }
      // depends_on
      Object dependsOn = definition.get("depends_on");
      Map<String, Object> dependencies = dependsOn instanceof List<?> l
          ? l.stream().collect(Collectors.toMap(Object::toString, x -> Map.of(), (a, b) -> a, LinkedHashMap::new))
          : map(dependsOn);
      dependencies.forEach((target, condition) -> {
        Map<String, Object> other = map(definitions.get(target));
        if (!definitions.containsKey(target)) {
          problems.add(file, where + "depends on " + target + ", which is no service");
          return;
        }
        String wanted = str(map(condition).get("condition"));
        if ("service_healthy".equals(wanted) && map(other.get("healthcheck")).isEmpty()) {
          problems.add(file, where + "waits for " + target + " to be healthy, but it has no healthcheck");
        }
        if ("service_completed_successfully".equals(wanted) && !"no".equals(str(other.get("restart")))) {
          problems.add(file, where + "waits for " + target + " to complete, but it is not a one-shot (restart: \"no\")");
        }
      });
      // volumes
      for (Object volume : list(definition.get("volumes"))) {
        String source = volume instanceof Map<?, ?> m ? str(m.get("source")) : str(volume).split(":")[0];
        if (source == null) {
          continue;
        }
        if (source.startsWith(".") || source.startsWith("/") || source.startsWith("~")) {
          Path target = dir.resolve(source).normalize();
          if (!Files.exists(target)) {
            problems.add(file, where + "mounts " + source + ", which does not exist (" + rel(target) + ")");
          }
          if (target.endsWith(Path.of("index-service", "kibana"))) {
            dashboards = true;
            if (Files.isDirectory(target) && ndjsonFiles(target).isEmpty()) {
              problems.add(file, where + "imports the saved objects of " + rel(target) + ", which holds no *.ndjson");
            }
          }
        } else {
          usedVolumes.add(source);
          if (!declaredVolumes.contains(source)) {
            problems.add(file, where + "uses volume " + source + ", which the top-level volumes do not declare");
          }
        }
      }
      // infrastructure images and versions
      String repository = repository(image);
      if (repository.equals(KAFKA_IMAGE)) {
        kafka = true;
        checkVersion(file, where, image, kafkaVersion, "kafka.version", problems);
        if (!oneShot) {
          checkClusterId(file, where, environment.get("CLUSTER_ID"), problems);
        }
      } else if (repository.equals(ELASTICSEARCH_IMAGE)) {
        elasticsearch = true;
        checkVersion(file, where, image, elasticsearchVersion, "elasticsearch.version", problems);
        if (!"single-node".equals(environment.get("discovery.type"))) {
          problems.add(file, where + "Elasticsearch is not discovery.type=single-node");
        }
        if (definition.get("volumes") == null) {
          problems.add(file, where + "Elasticsearch keeps its data in no volume");
        }
      } else if (repository.equals(KIBANA_IMAGE)) {
        kibana = true;
        checkVersion(file, where, image, elasticsearchVersion, "elasticsearch.version", problems);
      } else if (repository.startsWith("docker.elastic.co/")) {
        problems.add(file, where + image + " is not the full Elasticsearch / Kibana distribution");
      }
      Service s = serviceByImage(image);
      if (s == null) {
        continue;
      }
      seen.add(s.name());
      checkComposeBuild(file, where, s, map(definition.get("build")), problems);
      checkVariables(file, where, s, environment.keySet(), problems);
      Map<String, String> config = s.effective(environment);
      checkRequiredToken(file, where, s, config, environment, problems);
      checkHosts(file, where, s, environment, definitions.keySet(), problems);
      if (!healthcheck.isEmpty()) {
        checkHealthCommand(file, where + "healthcheck: ", s, config, composeTest(healthcheck.get("test")), false,
            problems);
      }
      for (Object port : list(definition.get("ports"))) {
        int target = composeTargetPort(port);
        Listener listener = s.listeners().stream().filter(l -> Service.port(l, config) == target).findFirst()
            .orElse(null);
        if (listener == null) {
          problems.add(file, where + "publishes container port " + target + ", on which " + s.module()
              + " does not listen (" + s.describeListeners(config) + ")");
        } else if (!Service.reachable(listener, config)) {
          problems.add(file, where + "publishes port " + target + ", but " + s.unreachableReason(listener, config));
        }
      }
      for (Object expose : list(definition.get("expose"))) {
        int target = composeTargetPort(expose);
        if (s.listeners().stream().noneMatch(l -> Service.port(l, config) == target)) {
          problems.add(file, where + "exposes port " + target + ", on which " + s.module() + " does not listen ("
              + s.describeListeners(config) + ")");
        }
      }
    }
    for (Service s : services) {
      if (!seen.contains(s.name())) {
        problems.add(file, "runs no " + s.module() + " (image " + s.image() + ")");
      }
    }
    if (!kafka) {
      problems.add(file, "runs no Kafka (" + KAFKA_IMAGE + ")");
    }
    if (!elasticsearch) {
      problems.add(file, "runs no Elasticsearch (" + ELASTICSEARCH_IMAGE + ")");
    }
    if (kibana && !dashboards) {
      problems.add(file, "runs Kibana but mounts no index-service/kibana saved objects to import");
    }
    for (String volume : declaredVolumes) {
      if (!usedVolumes.contains(volume)) {
        problems.add(file, "declares volume " + volume + ", which no service uses");
      }
    }
  }

  private static void checkComposeBuild(Path file, String where, Service s, Map<String, Object> build,
      Problems problems) {
    if (build.isEmpty()) {
      return;
    }
    Path context = file.toAbsolutePath().getParent().resolve(Objects.toString(build.get("context"), ".")).normalize();
    Path dockerfileOfBuild = context.resolve(Objects.toString(build.get("dockerfile"), "Dockerfile")).normalize();
    if (!Files.isRegularFile(dockerfileOfBuild)) {
      problems.add(file, where + "build.dockerfile " + rel(dockerfileOfBuild) + " does not exist");
      return;
    }
    String target = str(build.get("target"));
    Dockerfile parsed = parseDockerfile(dockerfileOfBuild, new Problems());
    Optional<Stage> stage = target == null ? Optional.empty() : parsed.stage(target);
    if (stage.isEmpty()) {
      problems.add(file, where + "build.target " + target + " is no stage of " + rel(dockerfileOfBuild));
    } else if (!s.image().equals(stage.get().label("org.opencontainers.image.title").orElse(null))) {
      problems.add(file, where + "builds target " + target + ", which is not the " + s.image() + " image");
    }
    if (!context.equals(root)) {
      problems.add(file, where + "build.context is " + rel(context) + ", but the Dockerfile copies from the"
          + " repository root");
    }
  }

  private static Map<String, String> composeEnvironment(Object environment) {
    Map<String, String> env = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(k.toString(), v == null ? null : v.toString()));
    } else {
      for (Object item : list(environment)) {
        String s = item.toString();
        int eq = s.indexOf('=');
        env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
      }
    }
    return env;
  }

  private static List<String> composeTest(Object test) {
    if (test instanceof List<?> l) {
      List<String> words = l.stream().map(Object::toString).toList();
      if (!words.isEmpty() && words.get(0).equals("CMD-SHELL")) {
        return words.size() > 1 ? shellWords(words.get(1)) : List.of();
      }
      return !words.isEmpty() && words.get(0).equals("CMD") ? words.subList(1, words.size()) : words;
    }
    return test == null ? List.of() : shellWords(test.toString());
  }

  private static int composeTargetPort(Object port) {
    if (port instanceof Map<?, ?> m) {
      return Integer.parseInt(m.get("target").toString());
    }
    String spec = port.toString().replace("/tcp", "");
    return Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
  }

  private static Map<String, String> readDotEnv(Path file, Problems problems) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      problems.add(file, "is missing (the example of the .env that docker compose reads)");
      return values;
    }
    for (String line : read(file).split("\n")) {
      String l = line.strip();
      int eq = l.indexOf('=');
      if (!l.isEmpty() && !l.startsWith("#") && eq > 0) {
        values.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
      }
    }
    return values;
  }

  /** Compose's ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error} and $$, with .env values. */
  private static Object interpolate(Path file, Object node, Map<String, String> dotEnv, Problems problems) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(k.toString(), interpolate(file, v, dotEnv, problems)));
      return out;
    }
    if (node instanceof List<?> l) {
      return l.stream().map(v -> interpolate(file, v, dotEnv, problems)).toList();
    }
    if (!(node instanceof String s)) {
      return node;
    }
    String escaped = s.replace("$$", "\u0000");
    Matcher m = INTERPOLATION.matcher(escaped);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = dotEnv.get(m.group(1));
      String operator = m.group(2);
      String argument = m.group(3);
      boolean empty = value == null || (operator != null && operator.startsWith(":") && value.isEmpty());
      String replacement;
      if (operator == null) {
        replacement = value == null ? "" : value;
      } else if (operator.endsWith("-")) {
        replacement = empty ? argument : value;
      } else {
        if (empty) {
          problems.add(file, "requires ${" + m.group(1) + "} (" + argument + "), which .env.example does not set");
        }
        replacement = empty ? "" : value;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString().replace("\u0000", "$");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Kubernetes
  // ---------------------------------------------------------------------------------------------------------------

  record Doc(Path file, int index, Map<String, Object> body) {

    String kind() {
      return Objects.toString(body.get("kind"), "");
    }

    String name() {
      return Objects.toString(map(body.get("metadata")).get("name"), "");
    }

    String what() {
      return kind() + " " + name();
    }

    Map<String, Object> podSpec() {
      Map<String, Object> spec = map(body.get("spec"));
      if (kind().equals("CronJob")) {
        spec = map(map(spec.get("jobTemplate")).get("spec"));
      }
      return map(map(spec.get("template")).get("spec"));
    }

    Map<String, Object> podLabels() {
      Map<String, Object> spec = map(body.get("spec"));
      return map(map(map(spec.get("template")).get("metadata")).get("labels"));
    }

    boolean isWorkload() {
      return Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "ReplicaSet").contains(kind());
    }
  }

  private static List<Path> kustomizationDirs() throws IOException {
    if (!Files.isDirectory(k8s)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(k8s)) {
      return files.filter(p -> p.getFileName().toString().matches("kustomization\\.ya?ml|Kustomization"))
          .map(Path::getParent).sorted().toList();
    }
  }

  private static Path kustomizationFile(Path dir) {
    for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    return null;
  }

  private static boolean isComponent(Path dir) {
    Path file = kustomizationFile(dir);
    return file != null && "Component".equals(map(single(file, new Problems())).get("kind"));
  }

  /**
   * The documents a kustomization renders, without applying patches: its resources (recursively) and the
   * ConfigMaps / Secrets of its generators. Every file it names must exist.
   */
  private static List<Doc> loadKustomization(Path dir, Problems problems, Set<Path> visiting) {
    List<Doc> docs = new ArrayList<>();
    Path file = kustomizationFile(dir);
    if (file == null) {
      problems.add(dir, "is listed as a kustomize resource but holds no kustomization.yaml");
      return docs;
    }
    if (!visiting.add(dir.toAbsolutePath().normalize())) {
      problems.add(file, "includes itself");
      return docs;
    }
    Map<String, Object> k = map(single(file, problems));
    List<Object> entries = new ArrayList<>();
    entries.addAll(list(k.get("resources")));
    entries.addAll(list(k.get("bases")));
    entries.addAll(list(k.get("components")));
    for (Object entry : entries) {
      String name = str(entry);
      if (name == null || name.contains("://") || name.startsWith("github.com/")) {
        continue;
      }
      Path target = dir.resolve(name).normalize();
      if (Files.isDirectory(target)) {
        docs.addAll(loadKustomization(target, problems, visiting));
      } else if (Files.isRegularFile(target)) {
        List<Object> documents = loadYaml(target, problems);
        int i = 0;
        for (Object document : documents == null ? List.of() : documents) {
          if (document == null) {
            continue;
          }
          Map<String, Object> body = map(document);
          if (body.get("apiVersion") == null || body.get("kind") == null) {
            problems.add(target, "document " + (i + 1) + " has no apiVersion / kind: not a Kubernetes resource");
          }
          docs.add(new Doc(target, i++, body));
        }
      } else {
        problems.add(file, "lists resource " + name + ", which does not exist (" + rel(target) + ")");
      }
    }
    for (String generator : List.of("configMapGenerator", "secretGenerator")) {
      for (Object g : list(k.get(generator))) {
        Map<String, Object> spec = map(g);
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object literal : list(spec.get("literals"))) {
          String l = literal.toString();
          int eq = l.indexOf('=');
          data.put(eq < 0 ? l : l.substring(0, eq), eq < 0 ? "" : l.substring(eq + 1));
        }
        for (Object f : list(spec.get("files"))) {
          String l = f.toString();
          int eq = l.indexOf('=');
          Path source = dir.resolve(eq < 0 ? l : l.substring(eq + 1)).normalize();
          if (!Files.isRegularFile(source)) {
            problems.add(file, generator + " " + spec.get("name") + " reads " + l + ", which does not exist");
          } else {
            data.put(eq < 0 ? source.getFileName().toString() : l.substring(0, eq), read(source));
          }
        }
        List<Object> envFiles = new ArrayList<>(list(spec.get("envs")));
        if (spec.get("env") != null) {
          envFiles.add(spec.get("env"));
        }
        for (Object e : envFiles) {
          Path source = dir.resolve(e.toString()).normalize();
          if (!Files.isRegularFile(source)) {
            problems.add(file, generator + " " + spec.get("name") + " reads " + e + ", which does not exist");
          } else {
            readDotEnv(source, problems).forEach(data::put);
          }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", generator.startsWith("configMap") ? "ConfigMap" : "Secret");
        body.put("metadata", Map.of("name", Objects.toString(spec.get("name"), "")));
        body.put("data", data);
        docs.add(new Doc(file, -1, body));
      }
    }
    List<Object> patches = new ArrayList<>();
    for (Object p : list(k.get("patches"))) {
      patches.add(p instanceof Map<?, ?> m ? m.get("path") : p);
    }
    patches.addAll(list(k.get("patchesStrategicMerge")));
    for (Object p : list(k.get("patchesJson6902"))) {
      patches.add(map(p).get("path"));
    }
    for (Object p : patches) {
      String name = str(p);
      if (name != null && !name.contains("\n") && !Files.isRegularFile(dir.resolve(name))) {
        problems.add(file, "lists patch " + name + ", which does not exist");
      }
    }
    visiting.remove(dir.toAbsolutePath().normalize());
    return docs;
  }

  /** A manifest left out of the kustomization is never applied: every YAML file next to it must be listed. */
  private static void checkEveryFileIsListed(Path dir, Problems problems) throws IOException {
    Path file = kustomizationFile(dir);
    String text = read(file);
    Map<String, Object> k = map(single(file, problems));
    Set<String> named = new TreeSet<>();
    for (String key : List.of("resources", "bases", "components", "patchesStrategicMerge")) {
      list(k.get(key)).forEach(x -> named.add(Path.of(x.toString()).normalize().toString()));
    }
    for (Object p : list(k.get("patches"))) {
      Object path = p instanceof Map<?, ?> m ? m.get("path") : p;
      if (path != null) {
        named.add(Path.of(path.toString()).normalize().toString());
      }
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path yaml : files.filter(p -> p.toString().matches(".*\\.ya?ml")).sorted().toList()) {
        String name = yaml.getFileName().toString();
        if (yaml.equals(file) || name.endsWith(".example.yaml") || name.endsWith(".example.yml")
            || named.contains(name) || text.contains(name)) {
          continue;
        }
        problems.add(yaml, "is not listed in " + rel(file) + " (resources, patches or a generator), so it is"
            + " never applied; name it *.example.yaml if it is a template");
      }
    }
  }

  private static List<Doc> secretTemplates(Problems problems) throws IOException {
    List<Doc> templates = new ArrayList<>();
    if (!Files.isDirectory(k8s)) {
      return templates;
    }
    try (Stream<Path> files = Files.walk(k8s)) {
      for (Path file : files.filter(p -> p.getFileName().toString().matches(".*\\.example\\.ya?ml")).toList()) {
        int i = 0;
        List<Object> documents = loadYaml(file, problems);
        for (Object document : documents == null ? List.of() : documents) {
          if (document != null) {
            templates.add(new Doc(file, i++, map(document)));
          }
        }
      }
    }
    return templates;
  }

  private static void checkKubernetes(List<Doc> docs, List<Doc> templates, Problems problems) {
    Map<String, Doc> configMaps = byName(docs, "ConfigMap");
    Map<String, Doc> secrets = byName(docs, "Secret");
    Map<String, Doc> secretTemplates = byName(templates, "Secret");
    Map<String, Doc> kubeServices = byName(docs, "Service");
    List<Doc> workloads = docs.stream().filter(Doc::isWorkload).toList();
    Map<Doc, Service> serviceOf = new LinkedHashMap<>();
    Map<Doc, Map<String, String>> environmentOf = new LinkedHashMap<>();
    boolean kafka = false;
    boolean elasticsearch = false;

    for (Doc doc : workloads) {
      Map<String, Object> pod = doc.podSpec();
      if (!Boolean.FALSE.equals(pod.get("enableServiceLinks"))) {
        problems.add(doc.file(), doc.what() + ": set enableServiceLinks: false (Kubernetes would add"
            + " <SERVICE>_PORT / _SERVICE_HOST variables; ingest-service refuses unknown INGEST_* variables and the"
            + " Kafka image turns KAFKA_* variables into broker settings)");
      }
      for (Map<String, Object> container : containers(doc)) {
        String where = doc.what() + ", container " + container.get("name") + ": ";
        String image = Objects.toString(container.get("image"), "");
        checkResources(doc.file(), where, container, problems);
        Map<String, String> origins = new LinkedHashMap<>();
        Map<String, String> env = kubernetesEnvironment(doc, where, container, configMaps, secrets, secretTemplates,
            origins, problems);
        String repository = repository(image);
        if (repository.equals(KAFKA_IMAGE)) {
          checkVersion(doc.file(), where, image, kafkaVersion, "kafka.version", problems);
          if (doc.kind().equals("StatefulSet")) {
            kafka = true;
            checkClusterId(doc.file(), where, env.get("CLUSTER_ID"), problems);
          }
        } else if (repository.equals(ELASTICSEARCH_IMAGE)) {
          checkVersion(doc.file(), where, image, elasticsearchVersion, "elasticsearch.version", problems);
          elasticsearch |= doc.kind().equals("StatefulSet");
        } else if (repository.startsWith("docker.elastic.co/elasticsearch")) {
          problems.add(doc.file(), where + image + " is not the full Elasticsearch distribution");
        }
        Service s = serviceByImage(image);
        if (s == null) {
          continue;
        }
        serviceOf.put(doc, s);
        environmentOf.put(doc, env);
        checkServiceContainer(doc, where, s, container, env, origins, kubeServices.keySet(), problems);
      }
    }
    for (Service s : services) {
      if (workloads.stream().noneMatch(w -> serviceOf.get(w) == s && w.kind().equals("Deployment"))) {
        problems.add(k8s, "no Deployment runs " + s.module() + " (" + s.image() + ")");
      }
    }
    if (!kafka) {
      problems.add(k8s, "no StatefulSet runs Kafka (" + KAFKA_IMAGE + ")");
    }
    if (!elasticsearch) {
      problems.add(k8s, "no StatefulSet runs Elasticsearch (" + ELASTICSEARCH_IMAGE + ")");
    }

    // ingest: exactly one scheduler, never autoscaled
    List<Doc> schedulers = serviceOf.entrySet().stream().filter(e -> e.getValue().name().equals("ingest"))
        .map(Map.Entry::getKey)
        .filter(d -> "true".equals(serviceByName("ingest").effective(environmentOf.get(d)).get("ingest.schedule.enabled")))
        .toList();
    if (schedulers.size() != 1) {
      problems.add(k8s, "expected one ingest Deployment with INGEST_SCHEDULE_ENABLED=true (the scheduler), found "
          + schedulers.stream().map(Doc::what).toList());
    }
    for (Doc scheduler : schedulers) {
      Object replicas = map(scheduler.body().get("spec")).get("replicas");
      if (replicas != null && !"1".equals(replicas.toString())) {
        problems.add(scheduler.file(), scheduler.what() + ": the scheduler must run once, has replicas " + replicas);
      }
    }

    // Services
    for (Doc service : kubeServices.values()) {
      String prefix = envName(service.name()) + "_";
      services.stream().filter(s -> prefix.startsWith(envName(s.name()) + "_")).forEach(s -> problems.add(
          service.file(), service.what() + ": its name makes Kubernetes variables " + prefix + "* (service links),"
              + " which " + s.module() + " would read as configuration: prefix it (e.g. scomon-)"));
      Map<String, Object> spec = map(service.body().get("spec"));
      Map<String, Object> selector = map(spec.get("selector"));
      List<Doc> matched = workloads.stream().filter(w -> matches(selector, w.podLabels())).toList();
      if (selector.isEmpty() || matched.isEmpty()) {
        problems.add(service.file(), service.what() + ": selector " + selector + " matches no pod template");
      }
      for (Object p : list(spec.get("ports"))) {
        Map<String, Object> port = map(p);
        Object targetPort = port.get("targetPort") != null ? port.get("targetPort") : port.get("port");
        for (Doc w : matched) {
          Integer number = resolvePort(w, targetPort);
          if (number == null) {
            problems.add(service.file(), service.what() + ": targetPort " + targetPort + " is no container port of "
                + w.what());
            continue;
          }
          Service s = serviceOf.get(w);
          if (s != null) {
            Map<String, String> config = s.effective(environmentOf.get(w));
            Listener listener = s.listeners().stream().filter(l -> Service.port(l, config) == number).findFirst()
                .orElse(null);
            if (listener == null) {
              problems.add(service.file(), service.what() + ": targetPort " + targetPort + " (" + number + ") is no"
                  + " port " + s.module() + " listens on (" + s.describeListeners(config) + ")");
            } else if (!Service.reachable(listener, config)) {
              problems.add(service.file(), service.what() + ": routes to " + number + ", but "
                  + s.unreachableReason(listener, config));
            }
          }
        }
      }
    }
    for (Doc statefulSet : workloads.stream().filter(w -> w.kind().equals("StatefulSet")).toList()) {
      String name = str(map(statefulSet.body().get("spec")).get("serviceName"));
      Doc headless = kubeServices.get(name);
      if (headless == null || !"None".equals(str(map(headless.body().get("spec")).get("clusterIP")))) {
        problems.add(statefulSet.file(), statefulSet.what() + ": serviceName " + name + " is no headless Service"
            + " (clusterIP: None)");
      }
    }

    // HorizontalPodAutoscalers: ingest fetchers and enrich, within the partitions of their input topic
    Set<String> autoscaled = new TreeSet<>();
    for (Doc hpa : docs.stream().filter(d -> d.kind().equals("HorizontalPodAutoscaler")).toList()) {
      Map<String, Object> spec = map(hpa.body().get("spec"));
      Map<String, Object> ref = map(spec.get("scaleTargetRef"));
      Doc target = workloads.stream().filter(w -> w.kind().equals(ref.get("kind")) && w.name().equals(ref.get("name")))
          .findFirst().orElse(null);
      if (target == null) {
        problems.add(hpa.file(), hpa.what() + ": scaleTargetRef " + ref.get("kind") + " " + ref.get("name")
            + " does not exist");
        continue;
      }
      int min = integer(spec.get("minReplicas"), 1);
      int max = integer(spec.get("maxReplicas"), 0);
      if (max < Math.max(min, 1)) {
        problems.add(hpa.file(), hpa.what() + ": maxReplicas " + max + " is below minReplicas " + min);
      }
      Service s = serviceOf.get(target);
      if (s == null) {
        continue;
      }
      autoscaled.add(s.name());
      if (schedulers.contains(target)) {
        problems.add(hpa.file(), hpa.what() + ": autoscales the ingest scheduler, which must run once");
      }
      int others = serviceOf.entrySet().stream().filter(e -> e.getValue() == s && e.getKey() != target)
          .mapToInt(e -> integer(map(e.getKey().body().get("spec")).get("replicas"), 1)).sum();
      int partitions = topic(s.inputTopic()).map(t -> t.spec().partitions()).orElse(0);
      if (max + others > partitions) {
        problems.add(hpa.file(), hpa.what() + ": up to " + (max + others) + " " + s.module() + " instances ("
            + max + " + " + others + " of the other Deployments) but " + s.inputTopic() + " has " + partitions
            + " partitions: the extra instances sit idle");
      }
      if (Files.isRegularFile(hpa.file()) && !read(hpa.file()).contains("partition")) {
        problems.add(hpa.file(), hpa.what() + ": say in a comment that instances beyond the " + partitions
            + " partitions of " + s.inputTopic() + " sit idle");
      }
    }
    for (String name : List.of("ingest", "enrich")) {
      if (!autoscaled.contains(name)) {
        problems.add(k8s, "no HorizontalPodAutoscaler scales " + serviceByName(name).module());
      }
    }

    // PodDisruptionBudgets cover every Deployment and StatefulSet
    List<Doc> budgets = docs.stream().filter(d -> d.kind().equals("PodDisruptionBudget")).toList();
    for (Doc pdb : budgets) {
      Map<String, Object> spec = map(pdb.body().get("spec"));
      if ((spec.get("minAvailable") == null) == (spec.get("maxUnavailable") == null)) {
        problems.add(pdb.file(), pdb.what() + ": set exactly one of minAvailable and maxUnavailable");
      }
      Map<String, Object> selector = map(map(spec.get("selector")).get("matchLabels"));
      if (selector.isEmpty() || workloads.stream().noneMatch(w -> matches(selector, w.podLabels()))) {
        problems.add(pdb.file(), pdb.what() + ": selector " + selector + " matches no pod template");
      }
    }
    for (Doc w : workloads.stream().filter(w -> Set.of("Deployment", "StatefulSet").contains(w.kind())).toList()) {
      boolean covered = budgets.stream().anyMatch(pdb -> {
        Map<String, Object> selector = map(map(map(pdb.body().get("spec")).get("selector")).get("matchLabels"));
        return !selector.isEmpty() && matches(selector, w.podLabels());
      });
      if (!covered) {
        problems.add(w.file(), w.what() + ": no PodDisruptionBudget covers it");
      }
    }
  }

  private static void checkServiceContainer(Doc doc, String where, Service s, Map<String, Object> container,
      Map<String, String> env, Map<String, String> origins, Set<String> serviceNames, Problems problems) {
    Path file = doc.file();
    checkVariables(file, where, s, env.keySet(), origins, problems);
    Map<String, String> config = s.effective(env);
    checkRequiredToken(file, where, s, config, env, problems);
    checkHosts(file, where, s, env, serviceNames, problems);
    for (Object p : list(container.get("ports"))) {
      int number = integer(map(p).get("containerPort"), -1);
      if (s.listeners().stream().noneMatch(l -> Service.port(l, config) == number)) {
        problems.add(file, where + "containerPort " + number + " is no port " + s.module() + " listens on ("
            + s.describeListeners(config) + ")");
      }
    }
    for (String kind : PROBES) {
      Map<String, Object> probe = map(container.get(kind));
      if (probe.isEmpty()) {
        if (!kind.equals("startupProbe")) {
          problems.add(file, where + "has no " + kind);
        }
        continue;
      }
      String at = where + kind + ": ";
      Listener ops = s.opsListener();
      List<String> handlers = Stream.of("httpGet", "tcpSocket", "exec", "grpc").filter(probe::containsKey).toList();
      if (handlers.size() > 1) {
        problems.add(file, at + "has more than one handler " + handlers + ": Kubernetes refuses it");
      }
      if (probe.get("exec") != null) {
        List<String> command = list(map(probe.get("exec")).get("command")).stream().map(Object::toString).toList();
        checkHealthCommand(file, at, s, config, command, false, problems);
      }
      if (probe.get("httpGet") != null || probe.get("tcpSocket") != null) {
        Map<String, Object> action = map(probe.get(probe.get("httpGet") != null ? "httpGet" : "tcpSocket"));
        Integer number = resolvePort(container, action.get("port"));
        String path = str(action.get("path"));
        if (number == null || number != Service.port(ops, config)) {
          problems.add(file, at + "probes port " + action.get("port") + (number == null ? "" : " (" + number + ")")
              + ", but the health endpoints are on " + ops.portKey() + "=" + config.get(ops.portKey()));
        } else if (!Service.reachable(ops, config)) {
          problems.add(file, at + "the kubelet cannot reach it: " + s.unreachableReason(ops, config)
              + "; probe with exec [" + HEALTH_COMMAND + ", \"" + config.get(ops.portKey()) + "\", <path>] instead");
        }
        if (probe.get("httpGet") != null && (path == null || !s.servedPaths().contains(path))) {
          problems.add(file, at + "path " + path + " is not served by " + s.module() + " (it serves "
              + s.servedPaths() + ")");
        }
      } else if (probe.get("exec") == null) {
        problems.add(file, at + "neither httpGet, tcpSocket nor exec");
      }
    }
  }

  private static Map<String, String> kubernetesEnvironment(Doc doc, String where, Map<String, Object> container,
      Map<String, Doc> configMaps, Map<String, Doc> secrets, Map<String, Doc> secretTemplates,
      Map<String, String> origins, Problems problems) {
    Map<String, String> env = new LinkedHashMap<>();
    for (Object from : list(container.get("envFrom"))) {
      Map<String, Object> source = map(from);
      String prefix = Objects.toString(source.get("prefix"), "");
      for (String kind : List.of("configMapRef", "secretRef")) {
        Map<String, Object> ref = map(source.get(kind));
        if (ref.isEmpty()) {
          continue;
        }
        String name = str(ref.get("name"));
        boolean secret = kind.equals("secretRef");
        Doc target = (secret ? secrets : configMaps).get(name);
        if (target == null && secret) {
          target = secretTemplates.get(name);
        }
        if (target == null) {
          if (!Boolean.TRUE.equals(ref.get("optional"))) {
            problems.add(doc.file(), where + "envFrom " + (secret ? "Secret " : "ConfigMap ") + name
                + " does not exist");
          }
          continue;
        }
        String origin = " (from " + target.what() + " in " + rel(target.file()) + ")";
        data(target).forEach((k, v) -> {
          env.put(prefix + k, secret ? "<secret>" : v);
          origins.put(prefix + k, origin);
        });
      }
    }
    for (Object e : list(container.get("env"))) {
      Map<String, Object> variable = map(e);
      String name = str(variable.get("name"));
      origins.remove(name);
      Map<String, Object> valueFrom = map(variable.get("valueFrom"));
      if (valueFrom.isEmpty()) {
        env.put(name, Objects.toString(variable.get("value"), ""));
        continue;
      }
      for (String kind : List.of("secretKeyRef", "configMapKeyRef")) {
        Map<String, Object> ref = map(valueFrom.get(kind));
        if (ref.isEmpty()) {
          continue;
        }
        boolean secret = kind.equals("secretKeyRef");
        String refName = str(ref.get("name"));
        Doc target = (secret ? secrets : configMaps).get(refName);
        if (target == null && secret) {
          target = secretTemplates.get(refName);
        }
        boolean optional = Boolean.TRUE.equals(ref.get("optional"));
        if (target == null || !data(target).containsKey(str(ref.get("key")))) {
          if (!optional) {
            problems.add(doc.file(), where + name + " comes from " + (secret ? "Secret " : "ConfigMap ") + refName
                + " key " + ref.get("key") + ", which neither the manifests nor a *.example.yaml template define");
          }
        }
      }
      env.put(name, valueFrom.containsKey("secretKeyRef") ? "<secret>" : "<from " + valueFrom.keySet() + ">");
    }
    return env;
  }

  private static Map<String, String> data(Doc doc) {
    Map<String, String> data = new LinkedHashMap<>();
    map(doc.body().get("data")).forEach((k, v) -> data.put(k, Objects.toString(v, "")));
    map(doc.body().get("stringData")).forEach((k, v) -> data.put(k, Objects.toString(v, "")));
    return data;
  }

  private static Integer resolvePort(Doc workload, Object port) {
    for (Map<String, Object> container : containers(workload)) {
      Integer number = resolvePort(container, port);
      if (number != null) {
        return number;
      }
    }
    return null;
  }

  private static Integer resolvePort(Map<String, Object> container, Object port) {
    if (port == null) {
      return null;
    }
    if (port instanceof Number n) {
      return n.intValue();
    }
    if (port.toString().matches("\\d+")) {
      return Integer.parseInt(port.toString());
    }
    for (Object p : list(container.get("ports"))) {
      if (port.toString().equals(map(p).get("name"))) {
        return integer(map(p).get("containerPort"), -1);
      }
    }
    return null;
  }

  private static void checkResources(Path file, String where, Map<String, Object> container, Problems problems) {
    Map<String, Object> resources = map(container.get("resources"));
    for (String kind : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (map(resources.get(kind)).get(resource) == null) {
          problems.add(file, where + "has no resources." + kind + "." + resource);
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // checks shared by compose, Kubernetes and the Dockerfile
  // ---------------------------------------------------------------------------------------------------------------

  /** Every variable a manifest sets for a service must override a key of its defaults file. */
  private static void checkVariables(Path file, String where, Service s, Collection<String> variables,
      Problems problems) {
    checkVariables(file, where, s, variables, Map.of(), problems);
  }

  /** As above; {@code origins} says where a variable comes from when it is not the container itself. */
  private static void checkVariables(Path file, String where, Service s, Collection<String> variables,
      Map<String, String> origins, Problems problems) {
    Map<String, String> keys = s.keysByVariable();
    for (String variable : variables) {
      if (RUNTIME_VARIABLES.contains(variable) || keys.containsKey(variable)) {
        continue;
      }
      String key = variable.toLowerCase(Locale.ROOT).replace('_', '.');
      String[] parts = variable.split("_");
      String near = parts.length > 2 ? parts[0] + "_" + parts[1] + "_" : variable;
      Set<String> nearby = keys.keySet().stream().filter(k -> k.startsWith(near))
          .collect(Collectors.toCollection(TreeSet::new));
      problems.add(file, where + "sets " + variable + Objects.toString(origins.get(variable), "")
          + ": it overrides no key of " + s.defaultsName() + " (no " + key + " there: renamed or misspelt?)"
          + (nearby.isEmpty() ? "; the variables it reads start with " + envName(s.name()) + "_" : "; near it: " + nearby));
    }
  }

  private static void checkRequiredToken(Path file, String where, Service s, Map<String, String> config,
      Map<String, String> env, Problems problems) {
    String enabled = s.name() + ".api.enabled";
    String token = s.name() + ".api.token";
    if (!s.defaults().containsKey(enabled) || !"true".equals(config.get(enabled))) {
      return;
    }
    String value = env.get(envName(token));
    if (value == null) {
      problems.add(file, where + "the API is on (" + enabled + ") but " + envName(token) + " is not set: the service"
          + " refuses to start");
    } else if (!value.equals("<secret>") && value.length() < 16) {
      problems.add(file, where + envName(token) + " is shorter than the 16 characters the service demands");
    }
  }

  /** Kafka and Elasticsearch addresses must name a service of the same manifests. */
  private static void checkHosts(Path file, String where, Service s, Map<String, String> env, Set<String> known,
      Problems problems) {
    Map<String, String> keys = s.keysByVariable();
    env.forEach((variable, value) -> {
      String key = keys.get(variable);
      if (key == null || value == null || value.startsWith("<")) {
        return;
      }
      List<String> hosts = new ArrayList<>();
      if (key.endsWith("bootstrap-servers")) {
        for (String server : value.split(",")) {
          hosts.add(server.strip().replaceAll(":\\d+$", ""));
        }
      } else if (key.endsWith(".url")) {
        hosts.add(value.replaceAll("^[a-z]+://", "").replaceAll("[:/].*$", ""));
      }
      for (String host : hosts) {
        String first = host.split("\\.")[0];
        if (!known.contains(first)) {
          problems.add(file, where + variable + "=" + value + ": " + host + " is none of the services here "
              + new TreeSet<>(known));
        }
      }
    });
  }

  /** {@code scomon-health PORT [PATH]} must ask the operations port for a path the service serves. */
  private static void checkHealthCommand(Path file, String where, Service s, Map<String, String> config,
      List<String> command, boolean portMayBeVariable, Problems problems) {
    int at = -1;
    for (int i = 0; i < command.size(); i++) {
      if (command.get(i).equals(HEALTH_COMMAND) || command.get(i).endsWith("/" + HEALTH_COMMAND)) {
        at = i;
        break;
      }
    }
    if (at < 0 || at + 1 >= command.size()) {
      problems.add(file, where + "does not run `" + HEALTH_COMMAND + " PORT [PATH]` (runs " + command + ")");
      return;
    }
    Listener ops = s.opsListener();
    String expected = config.get(ops.portKey());
    String port = command.get(at + 1);
    Matcher variable = Pattern.compile("\\$\\{(\\w+):-(\\d+)}").matcher(port);
    if (portMayBeVariable && variable.matches()) {
      if (!variable.group(1).equals(envName(ops.portKey()))) {
        problems.add(file, where + "takes the port from " + variable.group(1) + ", expected " + envName(ops.portKey()));
      }
      port = variable.group(2);
    }
    if (!port.equals(expected)) {
      problems.add(file, where + "checks port " + port + ", but " + ops.portKey() + "=" + expected);
    }
    String path = at + 2 < command.size() ? command.get(at + 2) : HEALTH_DEFAULT_PATH;
    if (!s.servedPaths().contains(path)) {
      problems.add(file, where + "asks for " + path + ", which " + s.module() + " does not serve (it serves "
          + s.servedPaths() + ")");
    }
  }

  private static void checkVersion(Path file, String where, String image, String version, String property,
      Problems problems) {
    String tag = tag(image);
    if (!version.equals(tag)) {
      problems.add(file, where + image + " is not version " + version + " (" + property + " of the root pom.xml)");
    }
  }

  private static void checkTag(Path file, String where, String image, Problems problems) {
    if (!projectVersion.equals(tag(image))) {
      problems.add(file, where + image + " is not tagged with the project version " + projectVersion);
    }
  }

  private static void checkClusterId(Path file, String where, String clusterId, Problems problems) {
    if (clusterId == null) {
      problems.add(file, where + "sets no CLUSTER_ID, which KRaft storage is formatted with");
      return;
    }
    try {
      byte[] uuid = Base64.getUrlDecoder().decode(clusterId);
      if (uuid.length != 16 || !Base64.getUrlEncoder().withoutPadding().encodeToString(uuid).equals(clusterId)) {
        throw new IllegalArgumentException("not 16 bytes");
      }
    } catch (IllegalArgumentException e) {
      problems.add(file, where + "CLUSTER_ID " + clusterId + " is not a base64url UUID (kafka-storage.sh random-uuid)");
    }
  }

  private static void checkTopicScript(Path script, Problems problems) {
    Map<String, String> found = new TreeMap<>();
    for (String line : read(script).split("\n")) {
      Matcher m = TOPIC_LINE.matcher(line.strip());
      if (!m.matches()) {
        continue;
      }
      Map<String, String> configs = new TreeMap<>();
      for (String pair : m.group(3).strip().split("\\s+")) {
        if (!pair.isEmpty()) {
          configs.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
      }
      found.put(m.group(1), m.group(2) + " partitions " + configs);
    }
    Map<String, String> expected = new TreeMap<>();
    for (Topic<?, ?> t : Topics.all()) {
      expected.put(t.name(), t.spec().partitions() + " partitions " + new TreeMap<>(t.spec().configs()));
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      String actual = found.get(e.getKey());
      if (actual == null) {
        problems.add(script, "does not create topic " + e.getKey() + " (" + e.getValue() + " in Topics)");
      } else if (!actual.equals(e.getValue())) {
        problems.add(script, "creates " + e.getKey() + " with " + actual + ", Topics says " + e.getValue());
      }
    }
    found.keySet().stream().filter(name -> !expected.containsKey(name)).forEach(name -> problems.add(script,
        "creates topic " + name + ", which io.scomon.schemas.topic.Topics does not define"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------------------------

  /** Problems found, each naming its file; reported all at once. */
  static final class Problems {
    private final Set<String> problems = new LinkedHashSet<>();

    void add(Path file, String problem) {
      problems.add(rel(file) + ": " + problem);
    }

    List<String> all() {
      return List.copyOf(problems);
    }

    void assertNone() {
      if (!problems.isEmpty()) {
        fail(problems.size() + " problem(s) in the deployment files:\n  " + String.join("\n  ", problems));
      }
    }
  }

  private static String rel(Path file) {
    if (!file.isAbsolute()) {
      return file.toString();
    }
    Path absolute = file.toAbsolutePath().normalize();
    return root != null && absolute.startsWith(root) ? root.relativize(absolute).toString() : file.toString();
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  private static List<Object> loadYaml(Path file, Problems problems) {
    try {
      List<Object> documents = new ArrayList<>();
      yaml().loadAll(new StringReader(read(file))).forEach(documents::add);
      return documents;
    } catch (RuntimeException e) {
      problems.add(file, "is not valid YAML: " + e.getMessage().replace('\n', ' '));
      return null;
    }
  }

  private static Object single(Path file, Problems problems) {
    List<Object> documents = loadYaml(file, problems);
    return documents == null || documents.isEmpty() ? Map.of() : documents.get(0);
  }

  private static List<Path> yamlFiles(Path... dirs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path dir : dirs) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.filter(p -> p.toString().matches(".*\\.ya?ml") && Files.isRegularFile(p)).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static List<Object> list(Object node) {
    return node instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  static String str(Object node) {
    return node == null ? null : node.toString();
  }

  static int integer(Object node, int otherwise) {
    try {
      return node == null ? otherwise : Integer.parseInt(node.toString());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static List<Map<String, Object>> containers(Doc doc) {
    List<Map<String, Object>> containers = new ArrayList<>();
    if (!doc.isWorkload()) {
      return containers;
    }
    list(doc.podSpec().get("initContainers")).forEach(c -> containers.add(map(c)));
    list(doc.podSpec().get("containers")).forEach(c -> containers.add(map(c)));
    return containers;
  }

  private static Map<String, Doc> byName(List<Doc> docs, String kind) {
    Map<String, Doc> byName = new LinkedHashMap<>();
    docs.stream().filter(d -> d.kind().equals(kind)).forEach(d -> byName.putIfAbsent(d.name(), d));
    return byName;
  }

  private static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
    return selector.entrySet().stream().allMatch(e -> Objects.equals(str(e.getValue()), str(labels.get(e.getKey()))));
  }

  /** The image without its tag or digest. */
  static String repository(String image) {
    String withoutDigest = image.split("@")[0];
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
  }

  static String tag(String image) {
    String withoutDigest = image.split("@")[0];
    int slash = withoutDigest.lastIndexOf('/');
    int colon = withoutDigest.lastIndexOf(':');
    return colon > slash ? withoutDigest.substring(colon + 1) : "latest";
  }

  private static Optional<Topic<?, ?>> topic(String name) {
    return Topics.all().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** KEY=value / KEY="a b" pairs of LABEL and ENV (and the old ENV KEY value form). */
  static Map<String, String> pairs(String args) {
    Map<String, String> pairs = new LinkedHashMap<>();
    List<String> words = shellWords(args);
    if (words.size() >= 2 && !words.get(0).contains("=")) {
      pairs.put(words.get(0), String.join(" ", words.subList(1, words.size())));
      return pairs;
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq > 0) {
        pairs.put(word.substring(0, eq), word.substring(eq + 1));
      }
    }
    return pairs;
  }

  /** Splits like a shell: whitespace separates, quotes group (and are removed). */
  static List<String> shellWords(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (char c : text.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  private static List<Path> ndjsonFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".ndjson")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
