package org.bangfu.registry;

import java.util.List;

/**
 * A chunk of an import was committed: households filed and households updated from the file
 * (one event per chunk of a few hundred households rather than one per household).
 */
public record HouseholdsImported(long importId, long organisationId, List<Long> filed, List<Long> updated) {
}
