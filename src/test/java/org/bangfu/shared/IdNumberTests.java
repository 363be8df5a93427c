package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class IdNumberTests {

	static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

	static IdNumber parse(String text) {
		return IdNumber.parse("idNumber", text, TODAY);
	}

	static String key(String text) {
		try {
			parse(text);
			return null;
		}
		catch (BangfuException ex) {
			assertThat(ex.field()).isEqualTo("idNumber");
			assertThat(ex.problem()).isEqualTo(Problem.BAD_INPUT);
			return ex.messageKey();
		}
	}

	/** Builds a valid number from its parts. */
	static String valid(String region, LocalDate birth, int seq) {
		String first17 = region + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", seq);
		return first17 + IdNumber.checkChar(first17);
	}

	@Test
	void theStandardsExampleIsValidAndDerivesBirthDateAndSex() {
		IdNumber id = parse("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.sex()).isEqualTo(IdNumber.Sex.F);
		assertThat(id.age(TODAY)).isEqualTo(76);
		assertThat(id.masked()).isEqualTo("110105********002X");
		assertThat(id.toString()).doesNotContain("19491231");
	}

	@Test
	void lowerCaseXIsAcceptedAndUpperCased() {
		assertThat(parse(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void oddSequenceIsMale() {
		assertThat(parse(valid("420102", LocalDate.of(1974, 3, 9), 11)).sex()).isEqualTo(IdNumber.Sex.M);
	}

	@Test
	void wrongLengthIsRejected() {
		assertThat(key("11010519491231002")).isEqualTo("idNumber.length");
		assertThat(key("11010519491231002X1")).isEqualTo("idNumber.length");
		assertThat(key("")).isEqualTo("idNumber.length");
		assertThat(key(null)).isEqualTo("idNumber.length");
	}

	@Test
	void lettersOtherThanAFinalXAreRejected() {
		assertThat(key("1101051949123100XX")).isEqualTo("idNumber.characters");
		assertThat(key("11010519491231002Y")).isEqualTo("idNumber.characters");
		assertThat(key("A1010519491231002X")).isEqualTo("idNumber.characters");
	}

	@Test
	void impossibleOrFutureBirthDatesAreRejected() {
		assertThat(key(valid("420102", LocalDate.of(2026, 6, 2), 1))).isEqualTo("idNumber.date");
		String feb30 = "42010219900230001";
		assertThat(key(feb30 + IdNumber.checkChar(feb30))).isEqualTo("idNumber.date");
		String month13 = "42010219901301001";
		assertThat(key(month13 + IdNumber.checkChar(month13))).isEqualTo("idNumber.date");
		assertThat(key(valid("420102", TODAY, 1))).isNull();
	}

	@Test
	void aWrongCheckCharacterIsRejected() {
		assertThat(key("110105194912310021")).isEqualTo("idNumber.checkDigit");
	}

	@Test
	void anyValidNumberRoundTrips() {
		qt().forAll(regions(), births(), integers().between(0, 999)).checkAssert((region, birth, seq) -> {
			String text = valid(region, birth, seq);
			IdNumber id = parse(text.toLowerCase());
			assertThat(id.value()).isEqualTo(text);
			assertThat(id.birthDate()).isEqualTo(birth);
			assertThat(id.sex()).isEqualTo(seq % 2 == 1 ? IdNumber.Sex.M : IdNumber.Sex.F);
			assertThat(id.masked()).hasSize(18).startsWith(region).endsWith(text.substring(14));
		});
	}

	@Test
	void changingAnyOneDigitBreaksTheCheck() {
		qt().forAll(regions(), births(), integers().between(0, 999), integers().between(0, 17 * 9 - 1))
			.checkAssert((region, birth, seq, change) -> {
				int pos = change / 9;
				int delta = change % 9 + 1;
				String text = valid(region, birth, seq);
				char changed = (char) ('0' + (text.charAt(pos) - '0' + delta) % 10);
				String broken = text.substring(0, pos) + changed + text.substring(pos + 1);
				assertThat(IdNumber.isValid(broken, TODAY)).as(broken).isFalse();
			});
	}

	static Gen<String> regions() {
		return integers().between(110000, 659999).map(i -> Integer.toString(i));
	}

	static Gen<LocalDate> births() {
		return integers().between(0, 45000).map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
	}

}
