package io.scomon.enrich.language;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

  private static final LanguageIdentifier LANGUAGES = LanguageIdentifier.fromClasspath();

  @Test
  void englishRussianAndChineseGetIso6391Codes() {
    assertThat(LANGUAGES.language("The Shanghai Cooperation Organization held its summit in Astana on Thursday.")).isEqualTo("en");
    assertThat(LANGUAGES.language("Шанхайская организация сотрудничества провела саммит в Астане.")).isEqualTo("ru");
    assertThat(LANGUAGES.language("上海合作组织峰会在阿斯塔纳举行")).isEqualTo("zh");
  }

  @Test
  void otherLanguagesMapToTwoLetterCodesToo() {
    assertThat(LANGUAGES.language("Die Schanghaier Organisation für Zusammenarbeit hat heute in Astana getagt.")).isEqualTo("de");
    assertThat(LANGUAGES.language("Шанхайська організація співробітництва провела саміт у Астані")).isEqualTo("uk");
    assertThat(LANGUAGES.language("東京で会議が開かれました。上海協力機構の首脳が集まりました")).isEqualTo("ja");
  }

  @Test
  void plainlyEnglishProseIsRecognisedByItsFunctionWordsWithoutTheModel() {
    String english = "The secretary general of the organisation said that the meeting of the council, which was held "
        + "in Dushanbe, has been a success and that the members will meet again after the summit.";
    assertThat(LanguageIdentifier.plainlyEnglish(english)).isTrue();
    assertThat(LANGUAGES.identify(english)).isEqualTo(new LanguageGuess("en", 1.0));
    String portuguese = "A Organização de Cooperação de Xangai realizou uma cúpula em Astana, onde os líderes dos "
        + "países membros discutiram a segurança regional e o comércio entre os seus povos e governos.";
    assertThat(LanguageIdentifier.plainlyEnglish(portuguese)).isFalse();
    assertThat(LANGUAGES.language(portuguese)).isEqualTo("pt");
  }

  @Test
  void englishWithFewDistinctiveFunctionWordsIsStillPlainlyEnglishButNotOtherLatinLanguages() {
    String english = "Leaders from member states gathered in Astana on Thursday for talks on security, energy and "
        + "transport. The host is expected to sign a plan to expand rail links, and officials in Tashkent say it "
        + "is a step for the region as a whole.";
    assertThat(LanguageIdentifier.plainlyEnglish(english)).isTrue();
    String french = "Les dirigeants des pays membres se sont réunis à Astana jeudi pour parler de sécurité. Le "
        + "président a cité « the Shanghai spirit » et a promis un plan pour le rail, on le sait, dans la région.";
    String german = "Die Staatschefs trafen sich in Astana, um über Sicherheit und Handel zu sprechen. Was die "
        + "Region will, ist also klar: mehr Handel, mehr Schiene, und ein Plan für den Verkehr in the long run.";
    String uzbek = "Shanxay hamkorlik tashkiloti a'zo davlatlari rahbarlari Astanada xavfsizlik, energetika va "
        + "transport masalalarini muhokama qildi. Toshkentda temir yo'l loyihasi bo'yicha kelishuv imzolandi.";
    assertThat(LanguageIdentifier.plainlyEnglish(french)).isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish(german)).isFalse();
    assertThat(LanguageIdentifier.plainlyEnglish(uzbek)).isFalse();
  }

  @Test
  void choppyEnglishOfNamesAndShortSentencesIsPlainlyEnglishButNoOtherLatinLanguageIs() {
    String english = "DUBAI, United Arab Emirates - Dubai's flagship carrier Emirates Airline finalized a deal to "
        + "purchase 30 of Boeing's 787-9 Dreamliner jets, executives of both companies announced Wednesday at the "
        + "Dubai Air Show. President Kassym-Jomart Tokayev, who chaired the summit, told reporters the SCO had "
        + "become a pillar of a fairer world order. Stadia isn't a console.";
    assertThat(LanguageIdentifier.plainlyEnglish(english)).isTrue();
    String[] others = {
        "La Organización de Cooperación de Shanghái celebró una cumbre en Astaná, donde los presidentes de los "
            + "países miembros hablaron de seguridad regional, comercio y transporte entre sus pueblos y gobiernos.",
        "L'Organizzazione per la cooperazione di Shanghai ha tenuto un vertice ad Astana, dove i presidenti dei "
            + "paesi membri hanno discusso di sicurezza regionale, commercio e trasporti tra i loro popoli.",
        "De Shanghai Samenwerkingsorganisatie hield een top in Astana, waar de presidenten van de lidstaten "
            + "spraken over regionale veiligheid, handel en vervoer. Er was ook overleg over de situatie in Afghanistan.",
        "Şanghay İşbirliği Örgütü Astana'da bir zirve düzenledi. Üye ülkelerin liderleri bölgesel güvenlik, "
            + "ticaret ve ulaştırma konularını görüştü ve Afganistan'daki durumu değerlendirdi.",
        "Organisasi Kerja Sama Shanghai mengadakan pertemuan puncak di Astana, di mana para presiden negara "
            + "anggota membahas keamanan regional, perdagangan dan transportasi antara negara mereka.",
        "Şanhay Əməkdaşlıq Təşkilatı Astanada sammit keçirdi. Üzv dövlətlərin liderləri regional təhlükəsizlik, "
            + "ticarət və nəqliyyat məsələlərini müzakirə etdilər və Əfqanıstandakı vəziyyəti qiymətləndirdilər.",
        "Die Schanghaier Organisation für Zusammenarbeit hielt einen Gipfel in Astana ab, wo die Präsidenten der "
            + "Mitgliedstaaten über regionale Sicherheit, Handel und Verkehr sprachen. Was das Land will, ist klar.",
    };
    for (String other : others) {
      assertThat(LanguageIdentifier.plainlyEnglish(other)).as(other).isFalse();
      assertThat(LANGUAGES.language(other)).as(other).isNotEqualTo("en");
    }
  }

  @Test
  void plainlyRussianProseIsRecognisedWithoutTheModelButNotTheRegionsOtherCyrillicLanguages() {
    String russian = "Лидеры государств-членов Шанхайской организации сотрудничества собрались в Астане, чтобы "
        + "обсудить вопросы безопасности, энергетики и транспорта в регионе.";
    assertThat(LANGUAGES.identify(russian)).isEqualTo(new LanguageGuess("ru", 1.0));
    String[] others = {
        "Лідери держав-членів Шанхайської організації співробітництва зібралися в Астані, щоб обговорити питання "
            + "безпеки, енергетики та транспорту в регіоні.", // Ukrainian
        "Кіраўнікі дзяржаў Шанхайскай арганізацыі супрацоўніцтва сабраліся ў Астане, каб абмеркаваць пытанні "
            + "бяспекі і гандлю.", // Belarusian
        "Шанхай ынтымақтастық ұйымына мүше мемлекеттердің басшылары Астанада қауіпсіздік және сауда мәселелерін "
            + "талқылады.", // Kazakh
        "Шанхай кызматташтык уюмуна мүчө мамлекеттердин башчылары Астанада коопсуздук жана соода маселелерин "
            + "талкуулашты.", // Kyrgyz
        "Сарони давлатҳои узви Созмони ҳамкории Шанхай дар Остона масъалаҳои амният ва тиҷоратро муҳокима "
            + "карданд.", // Tajik
        "Лидерите на държавите членки на Шанхайската организация за сътрудничество се събраха в Астана, за да "
            + "обсъдят сигурността и търговията в региона.", // Bulgarian
        "Лидери држава чланица Шангајске организације за сарадњу састали су се у Астани да разговарају о "
            + "безбедности и трговини.", // Serbian
        "Шанхайн хамтын ажиллагааны байгууллагын гишүүн орнуудын удирдагчид Астана хотод аюулгүй байдал, "
            + "худалдааны асуудлыг хэлэлцэв.", // Mongolian
        "Қызылорда облысында жол салынды", // Kazakh, with no letter but қ that Russian lacks
    };
    for (String other : others) {
      assertThat(LANGUAGES.identify(other).code()).as(other).isNotEqualTo("ru");
    }
  }

  @Test
  void textWithTooFewLettersIsUndetermined() {
    assertThat(LANGUAGES.identify("Hello world")).isEqualTo(new LanguageGuess("und", 0));
    assertThat(LANGUAGES.language("上合组织")).isEqualTo("und");
    assertThat(LANGUAGES.language("12345 67890 !!! ???")).isEqualTo("und");
    assertThat(LANGUAGES.language("")).isEqualTo("und");
    assertThat(LANGUAGES.language(null)).isEqualTo("und");
  }

  @Test
  void markupDoesNotCountAsText() {
    assertThat(LANGUAGES.language("<div class=\"article-body\"><span>ok</span></div>")).isEqualTo("und");
    assertThat(LANGUAGES.language("<p>The <b>summit</b> opened in Astana today with leaders of ten states</p>")).isEqualTo("en");
  }

  @Test
  void hugeTextIsJudgedOnItsBeginning() {
    String text = "Шанхайская организация сотрудничества провела саммит. ".repeat(100_000)
        + "The rest of this text is in English.";
    long start = System.nanoTime();
    assertThat(LANGUAGES.identify(text).code()).isEqualTo("ru");
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }

  @Test
  void iso6393CodesWithoutATwoLetterFormAreKept() {
    assertThat(Iso639.toPart1("eng")).isEqualTo("en");
    assertThat(Iso639.toPart1("cmn")).isEqualTo("zh");
    assertThat(Iso639.toPart1("pes")).isEqualTo("fa");
    assertThat(Iso639.toPart1("ceb")).isEqualTo("ceb");
  }
}
