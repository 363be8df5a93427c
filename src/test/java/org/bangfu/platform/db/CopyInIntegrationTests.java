package org.bangfu.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.bangfu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CopyInIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void awkwardValuesArriveExactlyAsGiven() {
		String text = "tab\there, line\nbreak, back\\slash, \\N, 中文, \"quote\"";
		Instant at = Instant.parse("2026-11-29T01:02:03.456789Z");
		Map<String, Object> row = tx.execute(s -> {
			jdbc.sql("CREATE TEMP TABLE copy_probe (id bigint, t text, n numeric(12,2), d date, ts timestamptz,"
					+ " a text[], b boolean, z text) ON COMMIT DROP").update();
			new CopyIn("copy_probe", "id", "t", "n", "d", "ts", "a", "b", "z")
				.row(7L, text, new BigDecimal("12.30"), LocalDate.of(2026, 2, 28), at,
						List.of("A,B", "q\"uote", "back\\slash", "tab\tx"), true, null)
				.into(dataSource);
			return jdbc.sql("SELECT * FROM copy_probe").query().singleRow();
		});
		assertThat(row.get("t")).isEqualTo(text);
		assertThat(row.get("n")).isEqualTo(new BigDecimal("12.30"));
		assertThat(row.get("d").toString()).isEqualTo("2026-02-28");
		assertThat(((java.sql.Timestamp) row.get("ts")).toInstant()).isEqualTo(at);
		assertThat(row.get("b")).isEqualTo(true);
		assertThat(row.get("z")).isNull();
		List<String> array = tx.execute(s -> {
			jdbc.sql("CREATE TEMP TABLE copy_probe2 (a text[]) ON COMMIT DROP").update();
			new CopyIn("copy_probe2", "a").row(List.of("A,B", "q\"uote", "back\\slash", "tab\tx")).into(dataSource);
			return jdbc.sql("SELECT unnest(a) FROM copy_probe2").query(String.class).list();
		});
		assertThat(array).containsExactly("A,B", "q\"uote", "back\\slash", "tab\tx");
	}

	@Test
	void aDuplicateKeyIsReportedAsSuch() {
		assertThatThrownBy(() -> tx.execute(s -> {
			jdbc.sql("CREATE TEMP TABLE copy_unique (k text PRIMARY KEY) ON COMMIT DROP").update();
			return new CopyIn("copy_unique", "k").row("x").row("x").into(dataSource);
		})).isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void sequenceValuesComeInOneRoundTrip() {
		long[] ids = CopyIn.nextValues(jdbc, "registry_household_id_seq", 5);
		assertThat(ids).hasSize(5).doesNotHaveDuplicates();
	}

}
