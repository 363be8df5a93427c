package org.bangfu.registry.importing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the household import, from {@code bangfu.import.*}: the largest file accepted, how
 * much a workbook may unpack to, how many households go into one transaction, how many rows of
 * households whose rows are not together may wait in memory, the most members of one household
 * and how many problems the page and API list (the error report has them all).
 */
@Component
public class ImportSettings {

	private final long maxFileSize;

	private final long maxUnpackedSize;

	private final int chunkHouseholds;

	private final int maxScatteredRows;

	private final int maxMembers;

	private final int listedIssues;

	ImportSettings(@Value("${bangfu.import.max-file-size:200MB}") DataSize maxFileSize,
			@Value("${bangfu.import.max-unpacked-size:2GB}") DataSize maxUnpackedSize,
			@Value("${bangfu.import.chunk-households:500}") int chunkHouseholds,
			@Value("${bangfu.import.max-scattered-rows:200000}") int maxScatteredRows,
			@Value("${bangfu.import.max-members:30}") int maxMembers,
			@Value("${bangfu.import.listed-issues:200}") int listedIssues) {
		this.maxFileSize = maxFileSize.toBytes();
		this.maxUnpackedSize = maxUnpackedSize.toBytes();
		this.chunkHouseholds = Math.max(1, chunkHouseholds);
		this.maxScatteredRows = maxScatteredRows;
		this.maxMembers = maxMembers;
		this.listedIssues = listedIssues;
	}

	public long maxFileSize() {
		return maxFileSize;
	}

	public long maxUnpackedSize() {
		return maxUnpackedSize;
	}

	public int chunkHouseholds() {
		return chunkHouseholds;
	}

	public int maxScatteredRows() {
		return maxScatteredRows;
	}

	public int maxMembers() {
		return maxMembers;
	}

	public int listedIssues() {
		return listedIssues;
	}

}
