package org.bangfu.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.shared.BangfuException;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Every figure the application can compute, by code, from the {@link FigureSource}s of all modules. */
@Service
public class Figures {

	private final Map<String, FigureSource> byCode = new LinkedHashMap<>();

	Figures(List<FigureSource> sources) {
		for (FigureSource s : sources) {
			for (String code : s.codes()) {
				if (byCode.putIfAbsent(code, s) != null) {
					throw new IllegalStateException("Figure " + code + " has two sources");
				}
			}
		}
	}

	public List<String> codes() {
		return List.copyOf(byCode.keySet());
	}

	public boolean known(String code) {
		return byCode.containsKey(code);
	}

	/** The figures in the order asked, each source asked once for its codes. */
	@Transactional(readOnly = true)
	public Map<String, Long> compute(Scope scope, ReportPeriod period, List<String> codes) {
		Map<FigureSource, List<String>> bySource = new LinkedHashMap<>();
		for (String code : codes) {
			FigureSource s = byCode.get(code);
			if (s == null) {
				throw BangfuException.badField("figures", "reporting.figure.unknown", code);
			}
			bySource.computeIfAbsent(s, k -> new ArrayList<>()).add(code);
		}
		Map<String, Long> all = new LinkedHashMap<>();
		bySource.forEach((s, wanted) -> all.putAll(s.compute(scope, period, wanted)));
		Map<String, Long> ordered = new LinkedHashMap<>();
		for (String code : codes) {
			ordered.put(code, all.getOrDefault(code, 0L));
		}
		return ordered;
	}

	public Optional<String> drillDown(String code, ReportPeriod period) {
		FigureSource s = byCode.get(code);
		return s == null ? Optional.empty() : s.drillDown(code, period);
	}

}
