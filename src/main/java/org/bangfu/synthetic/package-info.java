/**
 * Synthetic test data: households in the standard import template (CSV or .xlsx), with
 * realistic sizes, relations, ID numbers and incomes, and optionally a known fraction of
 * planted defects listed in a manifest. Used by the import benchmark; run with
 * {@code java -jar bangfu.jar generate households ...} or {@link org.bangfu.synthetic.HouseholdGeneratorMain}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Synthetic data")
package org.bangfu.synthetic;
