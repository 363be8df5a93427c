/**
 * The demo register: on a database with demo data (the embedded default), a living example is
 * loaded once after the demo organisations and users, through the other modules' façades as
 * their users would make it: generated households imported into the demo villages, their
 * identification decisions, cases at every stage with a published public notice, pairings and
 * visits. No façade of its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo register")
package org.bangfu.demo;
