package org.bangfu.registry.economics;

/**
 * The closed vocabularies of a household's economics. Stored by name; shown through the bundle
 * keys {@code registry.economics.<enum>.<NAME>} (e.g. {@code registry.economics.incomeKind.FARMING} = 农业经营收入).
 */
public final class EconomicsVocabulary {

	private EconomicsVocabulary() {
	}

	/** What an income item is: wage, business, farming, property, transfers, pensions, other. */
	public enum IncomeKind {

		WAGE, BUSINESS, FARMING, PROPERTY, TRANSFER, PENSION, OTHER

	}

	/** The period a figure was given for: one month or one calendar year. */
	public enum Period {

		MONTH, YEAR

	}

	/** Where a figure comes from. */
	public enum Source {

		FORM, IMPORT, VISIT, INVESTIGATION, CROSSCHECK

	}

	/** Essential spending of a year; medical is out of pocket (after insurance and other aid). */
	public enum SpendingKind {

		MEDICAL, SCHOOLING, RENT, CARE, OTHER

	}

	public enum SuddenCostKind {

		ACCIDENT, DISASTER, MAJOR_ILLNESS

	}

	/** Assets as plans test them; a luxury purchase is one that rules a family out. */
	public enum AssetKind {

		VEHICLE, SAVINGS, EXTRA_HOME, BUSINESS, LUXURY_PURCHASE

	}

	public enum VehicleKind {

		CAR, TRUCK, MOTORCYCLE, FARM, OTHER

	}

	/** The four kinds of records, each in its own table. */
	public enum Area {

		INCOME("registry_income_item"), SPENDING("registry_spending"), SUDDEN_COST("registry_sudden_cost"),
		ASSET("registry_asset");

		private final String table;

		Area(String table) {
			this.table = table;
		}

		public String table() {
			return table;
		}

		/** The path segment of the API and pages: income, spending, sudden-costs, assets. */
		public String path() {
			return switch (this) {
				case INCOME -> "income";
				case SPENDING -> "spending";
				case SUDDEN_COST -> "sudden-costs";
				case ASSET -> "assets";
			};
		}

	}

}
