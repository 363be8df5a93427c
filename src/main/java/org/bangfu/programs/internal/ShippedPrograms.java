package org.bangfu.programs.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.platform.StartupData;
import org.bangfu.programs.ProgramContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the example programs of the plans shipped as JSON under {@code programs/shipped/} on
 * start: each code that does not exist yet becomes version 1, owned by the platform root, and
 * active when its test cases pass (a draft otherwise, logged). Existing codes are left alone:
 * administrators' versions are never undone.
 */
@Component
@org.springframework.core.annotation.Order(30)
class ShippedPrograms implements StartupData {

	private static final Logger log = LoggerFactory.getLogger(ShippedPrograms.class);

	private final JdbcClient jdbc;

	private final ProgramStore store;

	private final TransactionTemplate tx;

	ShippedPrograms(JdbcClient jdbc, ProgramStore store, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.store = store;
		this.tx = tx;
	}

	/** A shipped document: the code and the content. */
	record Shipped(String code, ProgramContent content) {
	}

	static List<Shipped> read() throws IOException {
		List<Shipped> out = new ArrayList<>();
		Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:programs/shipped/*.json");
		for (Resource r : files) {
			try (InputStream in = r.getInputStream()) {
				out.add(Json.MAPPER.readValue(in, Shipped.class));
			}
		}
		out.sort(java.util.Comparator.comparing(Shipped::code));
		return out;
	}

	@Override
	public void load() throws IOException {
		List<Shipped> shipped = read();
		tx.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('programs_shipped'))").query(Object.class).single();
			long root = jdbc.sql("SELECT id FROM organisation WHERE parent_id IS NULL ORDER BY id LIMIT 1").query(Long.class).single();
			for (Shipped s : shipped) {
				if (store.codeExists(s.code())) {
					continue;
				}
				long id = store.insert(s.code(), 1, root, s.content(), true, "system");
				boolean pass = ProgramTestsPolicy.run(s.content(), java.util.Locale.SIMPLIFIED_CHINESE).stream().allMatch(r -> r.passed());
				if (pass) {
					store.activate(id, s.code(), "system");
					log.info("Loaded shipped program {}", s.code());
				}
				else {
					log.warn("Shipped program {} left as a draft: its test cases fail", s.code());
				}
			}
		});
	}

}
