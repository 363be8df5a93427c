package org.bangfu.identification;

/**
 * What a standard's value is per: a month or a year per person, or a plain ratio (a
 * multiplier such as the near-dibao 1.5).
 */
public enum StandardBasis {

	MONTH, YEAR, RATIO

}
