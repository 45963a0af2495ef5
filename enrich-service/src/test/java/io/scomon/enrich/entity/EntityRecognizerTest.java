package io.scomon.enrich.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scomon.enrich.text.InvalidDataFileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRecognizerTest {

  private static final EntityRecognizer RECOGNIZER = new EntityRecognizer(Gazetteer.loadDefault());

  private static List<String> ids(String text) {
    return RECOGNIZER.recognize("", text).stream().map(EntityMatch::id).toList();
  }

  @Test
  void adjectiveAndDemonymFindTheirCountry() {
    List<EntityMatch> found = RECOGNIZER.recognize("", "The Pakistani envoy met Afghan and Chinese officials.");
    assertThat(found).extracting(EntityMatch::id).containsExactlyInAnyOrder("PK", "AF", "CN");
    assertThat(found).filteredOn(m -> m.id().equals("PK")).singleElement()
        .satisfies(m -> {
          assertThat(m.type()).isEqualTo(EntityType.COUNTRY);
          assertThat(m.countryCode()).isEqualTo("PK");
          assertThat(m.name()).isEqualTo("Pakistan");
        });
  }

  @Test
  void russianInflectedFormsFindTheirCountry() {
    assertThat(ids("Делегация Афганистана прибыла в Пекин.")).containsExactlyInAnyOrder("AF", "beijing");
    assertThat(ids("В Казахстане и Китае, пакистанская сторона")).containsExactlyInAnyOrder("KZ", "CN", "PK");
  }

  @Test
  void russianCaseFormsOfNamesPlacesAndPeopleAreFound() {
    assertThat(ids("Переговоры с Китаем, Египта, в Ташкенте и Уфе, встреча с Путиным, удары по талибам"))
        .containsExactlyInAnyOrder("CN", "EG", "tashkent", "ufa", "vladimir-putin", "taliban");
  }

  @Test
  void chineseNamesAreFoundInRunningText() {
    assertThat(ids("阿富汗代表团访问塔什干")).containsExactlyInAnyOrder("AF", "tashkent");
  }

  @Test
  void allCapitalsAliasMatchesOnlyInCapitals() {
    assertThat(ids("Tell us what you think.")).isEmpty();
    assertThat(ids("The US and the U.S. Treasury.")).containsExactly("US");
    assertThat(RECOGNIZER.recognize("", "The US and the U.S. Treasury.").get(0).mentions()).isEqualTo(2);
  }

  @Test
  void capitalisedNameIsNotTheCommonNoun() {
    assertThat(ids("We roasted a turkey on fine china.")).isEmpty();
    assertThat(ids("Turkey and China signed a deal.")).containsExactlyInAnyOrder("TR", "CN");
  }

  @Test
  void longestAliasWins() {
    assertThat(ids("He flew to New Delhi.")).containsExactly("new-delhi");
    assertThat(ids("The Shanghai Cooperation Organization met.")).containsExactly("sco");
    assertThat(ids("白俄罗斯总统访问中国")).containsExactlyInAnyOrder("BY", "CN");
    assertThat(ids("The SCO Regional Anti-Terrorist Structure (RATS) met.")).containsExactly("sco-rats");
  }

  @Test
  void theScoIsFoundUnderEveryAliasAndScript() {
    for (String text : List.of("the SCO", "Shanghai Cooperation Organisation", "the Shanghai Five", "саммит ШОС",
        "Шанхайской организации сотрудничества", "上合组织峰会", "上海合作组织")) {
      assertThat(ids(text)).as(text).containsExactly("sco");
    }
  }

  @Test
  void placeCarriesItsCoordinatesAndCountry() {
    EntityMatch samarkand = RECOGNIZER.recognize("SCO summit in Samarkand", "").stream()
        .filter(m -> m.id().equals("samarkand")).findFirst().orElseThrow();
    assertThat(samarkand.type()).isEqualTo(EntityType.PLACE);
    assertThat(samarkand.countryCode()).isEqualTo("UZ");
    assertThat(samarkand.lat()).isEqualTo(39.627);
    assertThat(samarkand.lon()).isEqualTo(66.975);
  }

  @Test
  void officialsOfTheSamplesAreRecognisedWithTheirCountries() {
    List<EntityMatch> found = RECOGNIZER.recognize("", "Secretary of the Russian Security Council Nikolai Patrushev, "
        + "Adviser Ajit Doval and SCO Secretary General Vladimir Norov attended; Norov spoke first.");
    assertThat(found).filteredOn(m -> m.type() == EntityType.PERSON)
        .extracting(EntityMatch::id, EntityMatch::countryCode, EntityMatch::mentions)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("vladimir-norov", "UZ", 2),
            org.assertj.core.groups.Tuple.tuple("ajit-doval", "IN", 1),
            org.assertj.core.groups.Tuple.tuple("nikolai-patrushev", "RU", 1));
  }

  @Test
  void mentionsInTitleAndBodyAreCountedTogetherMostMentionedFirst() {
    List<EntityMatch> found = RECOGNIZER.recognize("Kabul talks", "Talks in Kabul with Afghanistan's neighbours. Kabul welcomed them.");
    assertThat(found).extracting(EntityMatch::id, EntityMatch::mentions)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("kabul", 3), org.assertj.core.groups.Tuple.tuple("AF", 1));
  }

  @Test
  void gazetteerWithUnknownCountryCodeIsRefusedWithItsLine() {
    String yaml = "version: 1\nplaces:\n  atlantis: {name: Atlantis, country: XX, lat: 1, lon: 2}\n";
    assertThatThrownBy(() -> Gazetteer.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "g.yml"))
        .isInstanceOfSatisfying(InvalidDataFileException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).isEqualTo("places.atlantis: 'XX' is not an ISO 3166 alpha-2 country code");
        });
  }

  @Test
  void shippedGazetteerCoversEveryMemberObserverAndDialoguePartner() {
    Gazetteer gazetteer = Gazetteer.loadDefault();
    assertThat(gazetteer.entries()).filteredOn(e -> e.type() == EntityType.COUNTRY).extracting(GazetteerEntry::id)
        .contains("CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK", "IR", "BY", "AF", "MN", "TR", "EG", "QA", "SA", "AE",
            "KW", "BH", "MV", "MM", "NP", "LK", "KH", "AZ", "AM", "LA", "US");
    assertThat(gazetteer.entries()).filteredOn(e -> e.type() == EntityType.PERSON).extracting(GazetteerEntry::id)
        .contains("zhang-deguang", "bolat-nurgaliyev", "muratbek-imanaliyev", "dmitry-mezentsev", "vladimir-norov",
            "zhang-ming", "nurlan-yermekbayev");
  }
}
