package org.bangfu.programs;

/** A region an event covers: its 12-digit code, name and level (1 province … 5 village). */
public record EventRegion(String code, String name, int level) {
}
