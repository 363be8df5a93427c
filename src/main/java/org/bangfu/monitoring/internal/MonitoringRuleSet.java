package org.bangfu.monitoring.internal;

import java.io.IOException;
import java.io.InputStream;

import org.bangfu.identification.ModuleRuleSets;
import org.bangfu.identification.RuleSetContent;
import org.bangfu.platform.StartupData;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Installs the monitoring rule set ({@code monitoring/monitoring-relapse.json}, code
 * {@value #CODE}) through identification on the first start; afterwards administrators edit and
 * version it like any rule set (same language, test cases required).
 */
@Component
@org.springframework.core.annotation.Order(25)
public class MonitoringRuleSet implements StartupData {

	public static final String CODE = "monitoring-relapse";

	private final ModuleRuleSets ruleSets;

	MonitoringRuleSet(ModuleRuleSets ruleSets) {
		this.ruleSets = ruleSets;
	}

	public static RuleSetContent content() throws IOException {
		try (InputStream in = new ClassPathResource("monitoring/monitoring-relapse.json").getInputStream()) {
			return JsonMapper.builder()
				.enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.build()
				.readValue(in, RuleSetContent.class);
		}
	}

	@Override
	public void load() throws IOException {
		ruleSets.install(CODE, content());
	}

}
