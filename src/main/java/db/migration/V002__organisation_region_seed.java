package db.migration;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the statistical division codes down to township level (the project's own copy of
 * the 2023 edition). Villages are imported separately (command or admin page).
 */
public class V002__organisation_region_seed extends BaseJavaMigration {

	static final String RESOURCE = "/regions/regions-to-township.csv.gz";

	@Override
	public void migrate(Context context) throws Exception {
		try (InputStream in = getClass().getResourceAsStream(RESOURCE);
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
				CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader);
				PreparedStatement insert = context.getConnection()
					.prepareStatement("INSERT INTO organisation_region (code, name, level, parent_code) VALUES (?, ?, ?, ?)")) {
			int n = 0;
			for (CSVRecord r : csv) {
				insert.setString(1, r.get("code"));
				insert.setString(2, r.get("name"));
				insert.setShort(3, Short.parseShort(r.get("level")));
				String parent = r.get("parent_code");
				insert.setString(4, parent.isEmpty() ? null : parent);
				insert.addBatch();
				if (++n % 5000 == 0) {
					insert.executeBatch();
				}
			}
			insert.executeBatch();
		}
	}

}
