package org.bangfu.identification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.bangfu.identification.StandardBasis;
import org.bangfu.platform.StartupData;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With demo data (the embedded database by default), Wuhan (420100) gets the figures of the
 * plans so the demo households are decided at once: urban dibao 300 a month and rural 1,800
 * a year (plan 10), poverty line 3,700 a year (plan 21). Never on a production database.
 */
@Component
@org.springframework.core.annotation.Order(30)
class DemoStandards implements StartupData {

	private final JdbcClient jdbc;

	private final StandardStore store;

	private final TransactionTemplate tx;

	private final Environment env;

	DemoStandards(JdbcClient jdbc, StandardStore store, TransactionTemplate tx, Environment env) {
		this.jdbc = jdbc;
		this.store = store;
		this.tx = tx;
		this.env = env;
	}

	@Override
	public void load() {
		String setting = env.getProperty("bangfu.demo-data", "auto");
		boolean embedded = env.getProperty("bangfu.embedded-db.active", Boolean.class, false);
		if ("false".equals(setting) || ("auto".equals(setting) && !embedded)) {
			return;
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('identification_demo_standards'))").query(Object.class).single();
			if (jdbc.sql("SELECT count(*) FROM identification_standard WHERE created_by = 'demo'").query(Long.class).single() > 0
					|| jdbc.sql("SELECT count(*) FROM organisation_region WHERE code = '420100000000'").query(Long.class).single() == 0) {
				return;
			}
			LocalDate from = LocalDate.of(2020, 1, 1);
			store.insert("dibao_urban", "420100000000", "4201", new BigDecimal("300.00"), StandardBasis.MONTH, from, null, null,
					"演示数据：计划十 城市低保 300 元/人/月", "demo");
			store.insert("dibao_rural", "420100000000", "4201", new BigDecimal("1800.00"), StandardBasis.YEAR, from, null, null,
					"演示数据：计划十 农村低保 1,800 元/人/年", "demo");
			store.insert("poverty_line", "420100000000", "4201", new BigDecimal("3700.00"), StandardBasis.YEAR, from, null, null,
					"演示数据：计划二十一 贫困线 3,700 元/人/年", "demo");
		});
	}

}
