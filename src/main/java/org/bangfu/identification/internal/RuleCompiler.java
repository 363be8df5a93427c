package org.bangfu.identification.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bangfu.identification.RuleRow;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.identification.RuleSetView;
import org.bangfu.identification.rules.CompiledRules;
import org.springframework.stereotype.Component;

/** Compiles rule sets against the standard kinds that exist; remembers compiled versions. */
@Component
public class RuleCompiler {

	private final StandardStore standards;

	private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(Instant updatedAt, CompiledRules rules) {
	}

	RuleCompiler(StandardStore standards) {
		this.standards = standards;
	}

	public CompiledRules compile(RuleSetContent content) {
		return CompiledRules.compile(content.rows().stream().map(RuleRow::condition).toList(), standards.kindCodes());
	}

	public java.util.List<CompiledRules.RowError> check(RuleSetContent content) {
		return CompiledRules.check(content.rows().stream().map(RuleRow::condition).toList(), standards.kindCodes());
	}

	public CompiledRules compile(RuleSetView rs) {
		Cached c = cache.get(rs.id());
		if (c != null && c.updatedAt().equals(rs.updatedAt())) {
			return c.rules();
		}
		CompiledRules rules = compile(rs.content());
		cache.put(rs.id(), new Cached(rs.updatedAt(), rules));
		return rules;
	}

}
