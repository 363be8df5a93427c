package org.bangfu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The import's reference: the rows Bangfu's import wrote for one organisation are copied out
 * (binary COPY), deleted, and loaded back with PostgreSQL COPY into the same tables with the
 * same indexes and constraints, in one transaction, as a hand-tuned loader that already holds
 * valid, encrypted rows would. Only the COPY FROM is timed. Afterwards the tables hold exactly
 * what the import wrote (households, members, person claims, history and economics records).
 */
final class ReferenceCopy {

	/** Table → the rows of the organisation, in load order (parents first). */
	private static final Map<String, String> TABLES = new LinkedHashMap<>();

	static {
		TABLES.put("registry_household", "SELECT * FROM registry_household WHERE organisation_id = %d");
		TABLES.put("registry_member", "SELECT m.* FROM registry_member m JOIN registry_household h ON h.id = m.household_id"
				+ " WHERE h.organisation_id = %d");
		TABLES.put("registry_person", "SELECT p.* FROM registry_person p JOIN registry_household h ON h.id = p.household_id"
				+ " WHERE h.organisation_id = %d");
		TABLES.put("registry_change", "SELECT c.* FROM registry_change c JOIN registry_household h ON h.id = c.household_id"
				+ " WHERE h.organisation_id = %d");
		// the economics records the import writes (members' monthly figures, yearly columns), in id order: a
		// correction references the record it replaces
		for (String economics : List.of("registry_income_item", "registry_spending", "registry_sudden_cost",
				"registry_asset")) {
			TABLES.put(economics, "SELECT x.* FROM " + economics + " x JOIN registry_household h ON h.id = x.household_id"
					+ " WHERE h.organisation_id = %d ORDER BY x.id");
		}
	}

	private ReferenceCopy() {
	}

	/** Returns the seconds PostgreSQL COPY took to load the organisation's register rows. */
	static double measure(DataSource dataSource, long organisationId, Path workDir) throws SQLException {
		Map<String, Path> dumps = new LinkedHashMap<>();
		try (Connection c = dataSource.getConnection()) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (var table : TABLES.entrySet()) {
				Path file = workDir.resolve(table.getKey() + ".copy");
				try (OutputStream out = Files.newOutputStream(file)) {
					copy.copyOut("COPY (" + table.getValue().formatted(organisationId) + ") TO STDOUT (FORMAT binary)", out);
				}
				dumps.put(table.getKey(), file);
			}
			c.setAutoCommit(false);
			try (Statement s = c.createStatement()) {
				List<String> children = new ArrayList<>(TABLES.keySet());
				Collections.reverse(children);
				for (String table : children) {
					String where = table.equals("registry_household") ? "organisation_id = " + organisationId
							: "household_id IN (SELECT id FROM registry_household WHERE organisation_id = " + organisationId + ")";
					s.executeUpdate("DELETE FROM " + table + " WHERE " + where);
				}
			}
			c.commit();
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				s.execute("VACUUM ANALYZE " + String.join(", ", TABLES.keySet()));
			}
			c.setAutoCommit(false);
			long start = System.nanoTime();
			for (var dump : dumps.entrySet()) {
				try (InputStream in = Files.newInputStream(dump.getValue())) {
					copy.copyIn("COPY " + dump.getKey() + " FROM STDIN (FORMAT binary)", in);
				}
			}
			c.commit();
			double seconds = (System.nanoTime() - start) / 1e9;
			c.setAutoCommit(true);
			return seconds;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			dumps.values().forEach(f -> f.toFile().delete());
		}
	}

}
