/**
 * The rule language of identification (a small safe expression language over household facts,
 * exact arithmetic with {@link org.bangfu.identification.rules.Ratio}, Java evaluation with an
 * explanation and SQL over the facts relation), exposed to other modules: programs write their
 * target and amount rules in it.
 */
@org.springframework.modulith.NamedInterface("rules")
package org.bangfu.identification.rules;
