/**
 * Cross-check (信息比对): extracts of other registries (dibao rolls, social insurance, real estate,
 * vehicles, business registration, deaths, housing fund) imported in documented layouts, matched
 * against the register by the keyed hash of the ID number and the name, set-based in SQL; each hit
 * is a finding on a household that a reviewer confirms or dismisses with a reason. Extracts are
 * purged when their retention period ends.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cross-check")
package org.bangfu.crosscheck;
