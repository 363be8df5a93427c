package org.bangfu.monitoring.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.platform.jobs.JobContext;
import org.bangfu.platform.jobs.JobHandler;
import org.bangfu.shared.Scope;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The persistent job of a flagging run (see {@link FlaggingRun}). */
@Component
public class FlaggingJob implements JobHandler {

	public static final String KIND = "monitoring.flag";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final FlaggingRun run;

	FlaggingJob(FlaggingRun run) {
		this.run = run;
	}

	@Override
	public String kind() {
		return KIND;
	}

	public static String payload(Scope scope, LocalDate asOf, String login) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("scopeOrganisationId", scope.organisationId());
		p.put("scopePath", scope.path());
		p.put("asOf", asOf.toString());
		p.put("login", login);
		return JSON.writeValueAsString(p);
	}

	@Override
	public String run(JobContext context) {
		Map<String, Object> p = JSON.readValue(context.payload(), new TypeReference<Map<String, Object>>() {
		});
		Scope scope = new Scope(((Number) p.get("scopeOrganisationId")).longValue(), (String) p.get("scopePath"));
		context.progress(0, null, KIND);
		FlaggingRun.Result r = run.run(scope, LocalDate.parse((String) p.get("asOf")), (String) p.get("login"));
		context.progress(r.evaluatedAtRiskOrStable(), (long) r.evaluatedAtRiskOrStable(), KIND);
		return JSON.writeValueAsString(r);
	}

}
