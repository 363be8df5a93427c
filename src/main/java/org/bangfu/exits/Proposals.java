package org.bangfu.exits;

import java.util.List;

/**
 * The exit proposals of a scope in three lists: proposed for exit (six months above the line,
 * causes resolved; with the exit case number once one is opened), waiting on causes (six months
 * above the line, some recorded cause not yet resolved) and the safety net (nobody able to work:
 * never proposed for exit).
 */
public record Proposals(List<ProposalRow> proposed, List<ProposalRow> waitingOnCauses, List<ProposalRow> safetyNet) {
}
