package org.bangfu.platform.jobs;

import java.time.Duration;
import java.time.Instant;

import org.bangfu.shared.BusinessTime;

/** A job's state as pages poll it. */
public record JobView(long id, String kind, String status, Long organisationId, Long createdBy, Instant createdAt,
		Instant startedAt, Instant finishedAt, long progressDone, Long progressTotal, String progressNote,
		String result, String error, String claimedBy) {

	/** When it was submitted, in the business time zone (2026-11-28 14:05:09). */
	public String createdTime() {
		return createdAt == null ? "" : BusinessTime.seconds(createdAt);
	}

	/**
	 * The result as named fields when it is a JSON object (numbers and texts as they are, nested
	 * objects as key=value lists), in its order; null when the result is a sentence or empty. Pages
	 * show each field under its name (message job.result.field.KEY), never the raw JSON.
	 */
	public java.util.Map<String, String> resultFields() {
		if (result == null || !result.strip().startsWith("{")) {
			return null;
		}
		try {
			java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
			RESULT_JSON.readTree(result).properties().forEach(e -> fields.put(e.getKey(), text(e.getValue())));
			return fields;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String text(tools.jackson.databind.JsonNode value) {
		if (value.isObject()) {
			java.util.StringJoiner parts = new java.util.StringJoiner("，");
			value.properties().forEach(e -> parts.add(e.getKey() + "=" + text(e.getValue())));
			return parts.toString();
		}
		if (value.isArray()) {
			java.util.StringJoiner parts = new java.util.StringJoiner("，");
			value.forEach(v -> parts.add(text(v)));
			return parts.toString();
		}
		return value.isNull() ? "" : value.asString();
	}

	private static final tools.jackson.databind.json.JsonMapper RESULT_JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	public boolean finished() {
		return "DONE".equals(status) || "FAILED".equals(status);
	}

	/** Percentage done, when the total is known. */
	public Integer percent() {
		if (progressTotal == null || progressTotal == 0) {
			return finished() ? 100 : null;
		}
		return (int) Math.min(100, progressDone * 100 / progressTotal);
	}

	/** Items per second since the job started. */
	public Double rate() {
		if (startedAt == null || progressDone == 0) {
			return null;
		}
		Instant end = finishedAt != null ? finishedAt : Instant.now();
		double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
		return progressDone / seconds;
	}

	/** Estimated seconds left, when the total and a rate are known. */
	public Long secondsLeft() {
		Double rate = rate();
		if (finished() || rate == null || progressTotal == null || rate <= 0) {
			return null;
		}
		return (long) Math.ceil((progressTotal - progressDone) / rate);
	}

}
