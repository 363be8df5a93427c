package org.bangfu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTests {

	@Test
	void formatsWithYuanSignThousandsAndTwoDecimals() {
		assertThat(Money.ofYuan(1234).format()).isEqualTo("¥1,234.00");
		assertThat(Money.of("0.5").format()).isEqualTo("¥0.50");
		assertThat(Money.of("-1234567.89").format()).isEqualTo("-¥1,234,567.89");
	}

	@Test
	void parsesWhatPeopleTypeWithAtMostTwoDecimals() {
		assertThat(Money.parse("rent", "¥1,234.5", true).amount()).isEqualByComparingTo("1234.50");
		assertThat(Money.parse("rent", " 700 ", true)).isEqualTo(Money.ofYuan(700));
		assertThatThrownBy(() -> Money.parse("rent", "1.234", true)).isInstanceOfSatisfying(BangfuException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("money.decimals"));
		assertThatThrownBy(() -> Money.parse("rent", "abc", true)).isInstanceOfSatisfying(BangfuException.class,
				ex -> assertThat(ex.messageKey()).isEqualTo("money.format"));
		assertThatThrownBy(() -> Money.parse("rent", "-1", true)).isInstanceOfSatisfying(BangfuException.class,
				ex -> assertThat(ex.field()).isEqualTo("rent"));
		assertThat(Money.parse("x", "-1", false).isNegative()).isTrue();
	}

	@Test
	void dividesHalfUpToTheFen() {
		assertThat(Money.ofYuan(700).dividedBy(3)).isEqualTo(Money.of("233.33"));
		assertThat(Money.ofYuan(200).dividedBy(3)).isEqualTo(Money.of("66.67"));
		assertThat(Money.of("0.05").dividedBy(2)).isEqualTo(Money.of("0.03"));
	}

	@Test
	void sumsOfFenAreExact() {
		qt().forAll(lists().of(integers().between(0, 100_000_000)).ofSizeBetween(0, 200)).checkAssert(fens -> {
			Money sum = Money.ZERO;
			long expected = 0;
			for (int fen : fens) {
				sum = sum.plus(new Money(BigDecimal.valueOf(fen, 2)));
				expected += fen;
			}
			assertThat(sum.amount()).isEqualTo(BigDecimal.valueOf(expected, 2));
			assertThat(sum.amount().scale()).isEqualTo(2);
		});
	}

	@Test
	void dividingAndMultiplyingBackLosesLessThanHalfAFenPerPart() {
		qt().forAll(integers().between(0, 100_000_000), integers().between(1, 20)).checkAssert((fen, n) -> {
			Money total = new Money(BigDecimal.valueOf(fen, 2));
			Money part = total.dividedBy(n);
			BigDecimal diff = part.times(n).amount().subtract(total.amount()).abs();
			assertThat(diff).isLessThanOrEqualTo(BigDecimal.valueOf(n, 2).divide(BigDecimal.valueOf(2)));
		});
	}

}
