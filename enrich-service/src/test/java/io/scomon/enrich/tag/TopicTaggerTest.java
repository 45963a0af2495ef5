package io.scomon.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

  private static final TopicTagger TAGGER = new TopicTagger(Taxonomy.loadDefault());

  private static List<String> topics(String title, String body) {
    return TAGGER.tag(title, body).stream().map(TopicMatch::name).toList();
  }

  private static Optional<TopicMatch> topic(String name, String title, String body) {
    return TAGGER.tag(title, body).stream().filter(m -> m.name().equals(name)).findFirst();
  }

  @Test
  void russianGenitivePluralOfNarcoticsMatches() {
    TopicMatch match = topic("narcotics", "", "Пограничники задержали крупную партию наркотиков.").orElseThrow();
    assertThat(match.evidence()).containsExactly(new Evidence("наркотик", 1, Field.BODY, 5.0));
  }

  @Test
  void russianAdjectiveTerroristicMatchesInAnyCase() {
    TopicMatch match = topic("terrorism", "", "Спецслужбы предотвратили три атаки террористических группировок.").orElseThrow();
    assertThat(match.evidence()).extracting(Evidence::term).containsExactly("террористический");
  }

  @Test
  void chineseTermsMatchInsideRunningText() {
    assertThat(topic("narcotics", "", "警方坚决打击贩毒集团。").orElseThrow().evidence())
        .containsExactly(new Evidence("贩毒", 1, Field.BODY, 5.0));
    assertThat(topic("terrorism", "", "各方同意共同打击恐怖主义。").orElseThrow().evidence())
        .extracting(Evidence::term).containsExactly("恐怖主义");
  }

  @Test
  void drugWithinFourWordsOfTraffickingCountsInAnyInflection() {
    TopicMatch match = topic("narcotics", "", "Police said the drugs were being trafficked by air.").orElseThrow();
    assertThat(match.evidence()).containsExactly(new Evidence("drug ~4 trafficking", 1, Field.BODY, 5.0));
    assertThat(match.score()).isEqualTo(5.0);
  }

  @Test
  void drugFarFromTraffickingDoesNotCount() {
    assertThat(topics("", "The new drug helped patients recover, and on the road home we noticed how the city had tackled trafficking of stolen cars."))
        .doesNotContain("narcotics");
  }

  @Test
  void opiumCountsAlone() {
    assertThat(topic("narcotics", "", "Farmers returned to opium.").orElseThrow().score()).isEqualTo(5.0);
  }

  @Test
  void drugPricesAtThePharmacyAreNotNarcotics() {
    assertThat(topics("Drug prices rise", "Drug prices at the pharmacy rose again; prescription drugs cost 7% more and generic drugs were stable."))
        .isEmpty();
  }

  @Test
  void pharmacyNearADrugMatchCancelsIt() {
    assertThat(topics("", "A pharmacy chain was fined after drug trafficking charges against a pharmacist.")).doesNotContain("narcotics");
    assertThat(topics("", "A gang was convicted of drug trafficking.")).containsExactly("narcotics");
  }

  @Test
  void energyNextToDrinksIsExcluded() {
    assertThat(topics("Energy drinks", "Energy drinks are popular. Teenagers buy energy drinks and energy bars after school."))
        .doesNotContain("energy");
    assertThat(topics("Energy", "Energy cooperation and energy security topped the agenda.")).contains("energy");
  }

  @Test
  void horrorFilmReviewIsNotTerrorismDespiteTheWordTerror() {
    assertThat(topics("Night Terror review", "A horror film where the terror builds; the movie owes much to thrillers and the terror never stops."))
        .doesNotContain("terrorism");
  }

  @Test
  void afghanistanInTheTitleCountsDouble() {
    TopicMatch match = topic("afghanistan", "Afghanistan", "Talks continue.").orElseThrow();
    assertThat(match.evidence()).containsExactly(new Evidence("Afghanistan", 1, Field.TITLE, 4.0));
    assertThat(match.score()).isEqualTo(6.77); // 4 * (1 + ln 2)
    assertThat(topics("Talks continue", "Afghanistan")).doesNotContain("afghanistan");
  }

  @Test
  void repeatedTermsAddWithDiminishingReturns() {
    TopicMatch match = topic("terrorism", "", "terrorism terrorism terrorism").orElseThrow();
    assertThat(match.score()).isEqualTo(10.49); // 5 * (1 + ln 3)
    assertThat(match.evidence()).containsExactly(new Evidence("terrorism", 3, Field.BODY, 5.0));
  }

  @Test
  void repeatingOneWeakTermStopsAddingAfterThreeOccurrences() {
    String electrician = "Our electricians fix electricity problems. ".repeat(20);
    assertThat(topics("Electricians", electrician)).doesNotContain("energy");
    TopicMatch match = topic("terrorism", "", "terrorism ".repeat(20)).orElseThrow();
    assertThat(match.score()).isEqualTo(10.49); // capped at 5 * (1 + ln 3)
    assertThat(match.evidence().get(0).count()).isEqualTo(20);
  }

  @Test
  void itSecurityVocabularyIsNotRegionalSecurity() {
    assertThat(topics("", "Organizations should adopt comprehensive security practices and review security challenges of their cloud platform."))
        .doesNotContain("regional_security");
    assertThat(topics("", "The defence ministers discussed comprehensive security and the security challenges facing Central Asia."))
        .contains("regional_security");
  }

  @Test
  void longerTermHidesTheShorterOneInsideIt() {
    TopicMatch match = topic("terrorism", "", "Counter-terrorism cooperation").orElseThrow();
    assertThat(match.evidence()).extracting(Evidence::term).containsExactly("counter-terrorism");
  }

  @Test
  void fitnessExerciseIsNotAMilitaryExerciseButTroopsDrillingAre() {
    assertThat(topics("Five drills", "Do each exercise for 30 seconds; these drills improve your sprint.")).isEmpty();
    assertThat(topics("Joint drills", "Troops of five states held joint exercises near Chebarkul.")).containsExactly("military_exercises");
  }

  @Test
  void mountainSummitIsNotDiplomacy() {
    assertThat(topics("Climbers reach summit", "The team reached the summit of Peak Lenin after three weeks.")).isEmpty();
    assertThat(topics("Cloud Summit", "The Cloud Summit covers IT governance. The summit runs two days; the summit is free."))
        .isEmpty();
    assertThat(topics("SCO summit", "The SCO summit gathered heads of state in Astana.")).containsExactly("summits_diplomacy");
  }

  @Test
  void htmlLeftInTheTextIsIgnored() {
    assertThat(topics("", "<div class=\"terrorism opium\"><p>Weather is fine.</p></div>")).isEmpty();
    assertThat(topics("", "<p>The gang trafficked <b>heroin</b>.</p>")).containsExactly("narcotics");
  }

  @Test
  void mixedLanguageArticleMatchesTermsOfEveryLanguage() {
    List<TopicMatch> matches = TAGGER.tag("", "Lavrov said: «Мы вместе противостоим терроризму», and Beijing added 打击毒品走私.");
    assertThat(matches).extracting(TopicMatch::name).containsExactlyInAnyOrder("terrorism", "narcotics");
  }

  @Test
  void fiveMegabyteBodyIsTaggedOnItsFirstHundredThousandCharacters() {
    String filler = "Markets were calm and the weather was mild across the region today. ";
    String body = "Opium seizures rose. " + filler.repeat(5_000_000 / filler.length()) + " Terrorism.";
    List<String> found = topics("", body);
    assertThat(found).containsExactly("narcotics"); // "Terrorism" at the end lies past the bound
  }

  @Test
  void vetoTermSuppressesTheTopic() {
    TopicTagger tagger = new TopicTagger(TaxonomyTest.parse(
        "version: 1\ntopics:\n  narcotics:\n    terms: {en: {opium: 5}}\n    veto: {en: [opium poppy seed cake]}\n"));
    assertThat(tagger.tag("", "Opium smuggling rose.")).extracting(TopicMatch::name).containsExactly("narcotics");
    assertThat(tagger.tag("", "Grandma's opium poppy seed cake recipe.")).isEmpty();
  }

  @Test
  void requiredGroupMustMatchForTheTopic() {
    TopicTagger tagger = new TopicTagger(TaxonomyTest.parse(
        "version: 1\ntopics:\n  trade:\n    threshold: 2\n    terms: {en: {tariffs: 2}}\n    require: [{en: [China, Russia]}]\n"));
    assertThat(tagger.tag("", "New tariffs on steel.")).isEmpty();
    assertThat(tagger.tag("", "New tariffs on steel from China.")).extracting(TopicMatch::name).containsExactly("trade");
  }

  @Test
  void topicsComeHighestScoreFirst() {
    assertThat(topics("", "Heroin and opium seized; one terrorist arrested.")).containsExactly("narcotics");
    assertThat(topics("", "Terrorism, terrorism and drug trafficking.")).containsExactly("terrorism", "narcotics");
  }
}
