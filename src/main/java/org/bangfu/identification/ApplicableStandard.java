package org.bangfu.identification;

/**
 * Which figure of a kind applies in a region on a date and where it comes from (its own
 * region, or an ancestor's, or the national figure); figure null when none applies.
 */
public record ApplicableStandard(StandardKindView kind, StandardView figure, boolean inherited) {
}
