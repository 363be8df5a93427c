package org.bangfu.cases.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.cases.Outcome;
import org.bangfu.cases.StepForm;
import org.bangfu.shared.BangfuException;

/**
 * What a step's record must hold. A pass needs the complete form (the visit's findings, the
 * meeting's attendees and a majority, the cross-check result); a return or rejection needs the
 * reason as a comment. Returns the record to keep, with only the form's own fields.
 */
public final class StepFormPolicy {

	private StepFormPolicy() {
	}

	public static Map<String, Object> check(StepForm form, Outcome outcome, String comment, Map<String, String> raw,
			LocalDate today) {
		Map<String, String> in = raw == null ? Map.of() : raw;
		if (outcome != Outcome.PASS && blank(comment)) {
			throw BangfuException.badField("comment", "cases.comment.required");
		}
		boolean complete = outcome == Outcome.PASS;
		Map<String, Object> out = new LinkedHashMap<>();
		switch (form) {
			case INVESTIGATION -> {
				date(in, "visitDate", today, complete, out);
				text(in, "visitors", 200, complete, out);
				text(in, "findings", 2000, complete, out);
				text(in, "livingConditions", 1000, false, out);
			}
			case COLLECTIVE_DECISION -> collective(in, complete, today, out);
			case CROSS_CHECK -> {
				String result = in.getOrDefault("result", "").strip();
				if (!result.isEmpty() && !result.equals("MATCH") && !result.equals("DISCREPANCY")) {
					throw BangfuException.badField("result", "cases.form.result.invalid");
				}
				if (complete && result.isEmpty()) {
					throw BangfuException.badField("result", "cases.form.result.required");
				}
				if (!result.isEmpty()) {
					out.put("result", result);
				}
				text(in, "discrepancies", 2000, "DISCREPANCY".equals(result), out);
			}
			case COMMENT, NOTICE -> {
			}
		}
		return out;
	}

	private static void collective(Map<String, String> in, boolean complete, LocalDate today, Map<String, Object> out) {
		date(in, "meetingDate", today, complete, out);
		List<String> attendees = Arrays.stream(in.getOrDefault("attendees", "").split("[\\r\\n,，、;；]+"))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
		if (attendees.size() > 100 || attendees.stream().anyMatch(a -> a.length() > 50)) {
			throw BangfuException.badField("attendees", "cases.text.size");
		}
		if (complete && attendees.isEmpty()) {
			throw BangfuException.badField("attendees", "cases.form.attendees.required");
		}
		int yes = count(in, "votesFor");
		int no = count(in, "votesAgainst");
		int abstain = count(in, "votesAbstain");
		if (!attendees.isEmpty() && yes + no + abstain > attendees.size()) {
			throw BangfuException.badField("votesFor", "cases.form.votes.tooMany", yes + no + abstain, attendees.size());
		}
		if (complete && yes * 2 <= attendees.size()) {
			throw BangfuException.badField("votesFor", "cases.form.votes.noMajority", yes, attendees.size());
		}
		out.put("attendees", attendees);
		out.put("votesFor", yes);
		out.put("votesAgainst", no);
		out.put("votesAbstain", abstain);
		text(in, "decision", 2000, false, out);
	}

	private static int count(Map<String, String> in, String field) {
		String v = in.getOrDefault(field, "").strip();
		if (v.isEmpty()) {
			return 0;
		}
		try {
			int n = Integer.parseInt(v);
			if (n < 0 || n > 1000) {
				throw BangfuException.badField(field, "cases.form.votes.invalid");
			}
			return n;
		}
		catch (NumberFormatException ex) {
			throw BangfuException.badField(field, "cases.form.votes.invalid");
		}
	}

	private static void date(Map<String, String> in, String field, LocalDate today, boolean required,
			Map<String, Object> out) {
		String v = in.getOrDefault(field, "").strip();
		if (v.isEmpty()) {
			if (required) {
				throw BangfuException.badField(field, "cases.form.date.required");
			}
			return;
		}
		try {
			LocalDate d = LocalDate.parse(v);
			if (d.isAfter(today)) {
				throw BangfuException.badField(field, "cases.form.date.future", v);
			}
			out.put(field, d.toString());
		}
		catch (DateTimeParseException ex) {
			throw BangfuException.badField(field, "cases.form.date.invalid", v);
		}
	}

	private static void text(Map<String, String> in, String field, int max, boolean required, Map<String, Object> out) {
		String v = in.getOrDefault(field, "").strip();
		if (v.isEmpty()) {
			if (required) {
				throw BangfuException.badField(field, "cases.form.text.required");
			}
			return;
		}
		if (v.length() > max) {
			throw BangfuException.badField(field, "cases.text.size");
		}
		out.put(field, v);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
