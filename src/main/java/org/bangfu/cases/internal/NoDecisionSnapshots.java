package org.bangfu.cases.internal;

import java.util.Optional;

import org.bangfu.cases.DecisionSnapshots;
import org.bangfu.cases.FrozenDecision;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * The default when no module provides decisions: none. It is a fallback bean, so any other
 * {@code DecisionSnapshots} bean (the identification module's) replaces it without configuration.
 */
@Configuration(proxyBeanMethods = false)
public class NoDecisionSnapshots {

	@Bean
	@Fallback
	DecisionSnapshots emptyDecisionSnapshots() {
		return householdId -> Optional.<FrozenDecision>empty();
	}

}
