package org.bangfu.cases.internal;

import java.util.Optional;

import org.bangfu.cases.DecisionSnapshots;
import org.bangfu.cases.FrozenDecision;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default when no module provides decisions: none. A {@code DecisionSnapshots} bean declared
 * as a component elsewhere (identification) replaces it.
 */
@Configuration(proxyBeanMethods = false)
public class NoDecisionSnapshots {

	@Bean
	@ConditionalOnMissingBean(DecisionSnapshots.class)
	DecisionSnapshots emptyDecisionSnapshots() {
		return householdId -> Optional.<FrozenDecision>empty();
	}

}
