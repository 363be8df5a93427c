package org.bangfu.programs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bangfu.programs.internal.Json;

/** A bank job's error read back: the refusal's key and arguments (and problems), or a crash as {@code bank.job.failed}. */
record BankJobError(String key, List<String> args, List<BankFileProblem> problems, long problemCount) {

	static BankJobError of(String error) {
		if (error != null && error.startsWith("{")) {
			try {
				Map<?, ?> e = Json.read(error, Map.class);
				List<String> args = new ArrayList<>();
				if (e.get("args") instanceof List<?> list) {
					list.forEach(a -> args.add(String.valueOf(a)));
				}
				List<BankFileProblem> problems = new ArrayList<>();
				if (e.get("problems") instanceof List<?> list) {
					for (Object o : list) {
						problems.add(Json.MAPPER.convertValue(o, BankFileProblem.class));
					}
				}
				long count = e.get("problemCount") instanceof Number n ? n.longValue() : problems.size();
				return new BankJobError((String) e.get("key"), args, problems, count);
			}
			catch (RuntimeException ex) {
				// not a refusal written by a bank job: shown as it is
			}
		}
		return new BankJobError("bank.job.failed", List.of(String.valueOf(error)), List.of(), 0);
	}

}
