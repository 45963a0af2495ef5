package io.scomon.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2021-06-03T09:15:00+05:00          | 2021-06-03",
      "2022-07-09T15:10:31-0700           | 2022-07-09",
      "2021-07-14                         | 2021-07-14",
      "2019/11/18                         | 2019-11-18",
      "Thursday, July 02, 2020            | 2020-07-02",
      "Posted March 19, 2024              | 2024-03-19",
      "30th March 2025, 16:26             | 2025-03-30",
      "Sun Dec 17, 2023 11:23 am          | 2023-12-17",
      "24.06.2021 15:40                   | 2021-06-24",
      "11-29-2024, 09:03 AM               | 2024-11-29",
      "24 июня 2021, 14:05                | 2021-06-24",
      "2021年07月14日 21:30                | 2021-07-14",
      "1657404631                         | 2022-07-09",
      "Tue, 15 Nov 1994 08:12:31 GMT      | 1994-11-15"})
  void readsTheCalendarDayAsWritten(String text, String day) {
    assertThat(DateParser.parse(text).toLocalDate()).hasToString(day);
  }

  @Test
  void keepsTheOffsetWrittenOnThePage() {
    assertThat(DateParser.parse("2021-06-03T23:30:00-05:00").toString())
        .isEqualTo("2021-06-03T23:30-05:00");
  }

  @Test
  void readsTwelveHourClockTimes() {
    assertThat(DateParser.parse("06-17-2021, 08:05 PM").toString()).isEqualTo("2021-06-17T20:05Z");
  }

  @Test
  void findsNoDateInOrdinaryTextOrImplausibleYears() {
    assertThat(DateParser.parse("Reply With Quote")).isNull();
    assertThat(DateParser.parse("The marine corps decided to march")).isNull();
    assertThat(DateParser.parse("0001-01-01")).isNull();
    assertThat(DateParser.parse(null)).isNull();
  }
}
